package org.caisse.officeserver.application.office;

import java.util.Map;

import org.caisse.common.sips.ResponseCode;
import org.caisse.officeserver.application.port.out.DownstreamUnavailableException;
import org.caisse.officeserver.application.port.out.PaymentGateway.Answer;
import org.caisse.officeserver.application.port.out.PaymentGateway.Answered;
import org.caisse.officeserver.application.port.out.PaymentGateway.Invalid;
import org.caisse.officeserver.application.port.out.PaymentGateway.NotFound;
import org.caisse.officeserver.domain.office.ResponseFields;

/**
 * Turns authorization-service answers into Office response fields (SIPS.md §5). A refused field (HTTP 400) becomes
 * 30 with the Sips name of the field when it is one the merchant sent, else 12: the service's own naming of an
 * internal field is never echoed.
 */
final class PaymentResponses {

    /** The response fields of {@code checkout/cardOrder} (and of the services answering "as cardOrder"). */
    private static final String[] ORDER_FIELDS = {"acquirerResponseCode", "authorisationId", "transactionDateTime",
            "transactionReference", "maskedPan", "tokenPan", "cardCSCResultCode", "guaranteeIndicator",
            "holderAuthentStatus", "captureDay", "captureMode", "panEntryMode", "paymentMeanBrand"};

    private PaymentResponses() {
    }

    /**
     * An order answer: the transaction snapshot's Sips fields.
     *
     * @param extraFields more snapshot fields to copy (duplicate adds {@code panExpiryDate})
     */
    static Map<String, Object> order(Answer answer, FieldNames names, String... extraFields) {
        return switch (answer) {
            case Answered answered -> {
                Map<String, Object> snapshot = answered.body();
                ResponseFields response = ResponseFields.withCode(codeOf(snapshot));
                for (String field : ORDER_FIELDS) {
                    response.copy(snapshot, field);
                }
                snapshot.keySet().stream().filter(name -> name.startsWith("score")).sorted()
                        .forEach(name -> response.copy(snapshot, name));
                for (String field : extraFields) {
                    response.copy(snapshot, field);
                }
                if (ResponseCode.FORMAT_ERROR.code().equals(codeOf(snapshot)) && names.encryptedCard()) {
                    // the only 30 the service answers in a snapshot: an encryptedCardData it could not open
                    response.put("errorFieldName", "encryptedCardData");
                }
                yield response.asMap();
            }
            case NotFound notFound -> ResponseFields.withCode(ResponseCode.TRANSACTION_UNKNOWN.code()).asMap();
            case Invalid invalid -> refusedField(invalid, names);
        };
    }

    /** A validate or refund answer. {@code withCaptureLimitDate}: validate also answers the capture date. */
    static Map<String, Object> cashOperation(Answer answer, FieldNames names, boolean withCaptureLimitDate) {
        return switch (answer) {
            case Answered answered -> {
                Map<String, Object> body = answered.body();
                ResponseFields response = ResponseFields.withCode(codeOf(body))
                        .copy(body, "acquirerResponseCode")
                        .copy(body, "authorisationId")
                        .copy(body, "newAmount")
                        .copy(body, "newStatus")
                        .copy(body, "operationDateTime");
                if (withCaptureLimitDate) {
                    response.copy(body, "captureLimitDate");
                }
                yield response.asMap();
            }
            case NotFound notFound -> ResponseFields.withCode(ResponseCode.TRANSACTION_UNKNOWN.code()).asMap();
            case Invalid invalid -> refusedField(invalid, names);
        };
    }

    private static String codeOf(Map<String, Object> body) {
        Object code = body.get("responseCode");
        if (code == null) {
            throw new DownstreamUnavailableException("authorization-service answered without a responseCode");
        }
        return code.toString();
    }

    private static Map<String, Object> refusedField(Invalid invalid, FieldNames names) {
        String sipsName = names.sipsNameOf(invalid.field());
        if (sipsName == null) {
            return ResponseFields.withCode(ResponseCode.INVALID_TRANSACTION.code()).asMap();
        }
        return ResponseFields.withCode(ResponseCode.FORMAT_ERROR.code()).put("errorFieldName", sipsName).asMap();
    }

    /**
     * How authorization-service's field names read in the Office request of one service.
     *
     * @param amountField   the Sips name of {@code amount} ({@code amount} or {@code operationAmount})
     * @param sentFields    the Sips fields of this service that keep their name downstream
     * @param encryptedCard whether the card came as {@code encryptedCardData}
     */
    record FieldNames(String amountField, java.util.Set<String> sentFields, boolean encryptedCard) {

        String sipsNameOf(String field) {
            if (field == null) {
                return null;
            }
            return switch (field) {
                case "amount" -> amountField;
                case "card.number" -> "cardNumber";
                case "card.expiryDate" -> "cardExpiryDate";
                case "card.cscValue" -> "cardCSCValue";
                case "card.encryptedCardData" -> "encryptedCardData";
                case "card.merchantWalletId" -> "merchantWalletId";
                case "card.paymentMeanId" -> "paymentMeanId";
                default -> sentFields.contains(field) ? field : null;
            };
        }
    }
}
