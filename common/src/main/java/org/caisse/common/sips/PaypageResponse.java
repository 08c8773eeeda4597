package org.caisse.common.sips;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.caisse.common.data.SipsData;
import org.caisse.common.seal.JsonSealString;
import org.caisse.common.seal.SealAlgorithm;
import org.caisse.common.seal.Seals;

/** Builds the Paypage response (SIPS.md §2a) from a transaction snapshot (docs/platform-contracts.md). */
public final class PaypageResponse {

    /** The response {@code Data} keys in their documented order. */
    public static final List<String> KEYS = List.of(
            "merchantId", "transactionReference", "keyVersion", "amount", "currencyCode", "captureDay",
            "captureMode", "orderChannel", "responseCode", "acquirerResponseCode", "authorisationId",
            "transactionDateTime", "maskedPan", "panExpiryDate", "paymentMeanBrand", "paymentMeanType",
            "cardCSCResultCode", "customerIpAddress", "orderId", "returnContext", "statementReference",
            "customerId", "customerEmail", "holderAuthentRelegation", "holderAuthentStatus",
            "holderAuthentMethod", "holderAuthentProgram", "guaranteeIndicator", "transactionOrigin",
            "paymentPattern", "captureLimitDate", "acquirerNativeResponseCode", "panEntryMode", "tokenPan",
            "scoreColor", "scoreValue", "scoreInfo", "scoreProfile", "scoreThreshold", "merchantWalletId",
            "paymentMeanId", "s10TransactionId", "s10TransactionIdDate", "issuerCountryCode");

    private PaypageResponse() {
    }

    /**
     * The response {@code Data} of a transaction snapshot: the §2a keys in order, only those with a non-empty
     * value. {@code keyVersion} comes from the snapshot's {@code notification.keyVersion} (or a top-level
     * {@code keyVersion}); {@code s10TransactionId}/{@code s10TransactionIdDate} from the top level or from a nested
     * {@code s10TransactionReference}; numbers are written as decimal text; {@code transactionDateTime} as given;
     * a {@code responseCode} that Paypage clients do not accept becomes its {@link ResponseCode#paypageEquivalent()}.
     */
    public static SipsData dataFromSnapshot(Map<String, ?> transactionSnapshot) {
        Objects.requireNonNull(transactionSnapshot, "transactionSnapshot");
        Map<?, ?> notification = transactionSnapshot.get("notification") instanceof Map<?, ?> n ? n : Map.of();
        Map<?, ?> s10 = transactionSnapshot.get("s10TransactionReference") instanceof Map<?, ?> m ? m : Map.of();
        SipsData.Builder builder = SipsData.builder();
        for (String key : KEYS) {
            Object value = transactionSnapshot.get(key);
            if (value == null && key.equals("keyVersion")) {
                value = notification.get("keyVersion");
            }
            if (value == null && key.startsWith("s10")) {
                value = s10.get(key);
            }
            if (key.equals("responseCode") && value != null) {
                value = ResponseCode.fromCode(value.toString()).map(ResponseCode::paypageEquivalent)
                        .map(ResponseCode::code).orElse(value.toString());
            }
            if (value instanceof Map || value instanceof Iterable) {
                continue; // not a response field shape
            }
            if (value instanceof Number number) {
                builder.put(key, JsonSealString.decimalText(number));
            } else if (value != null) {
                builder.put(key, value.toString());
            }
        }
        return builder.build();
    }

    /**
     * Seals a response: the seal covers the exact {@code Data} sent (the base64 text when {@code base64}).
     */
    public static SealedPaypageResponse seal(SipsData data, SealAlgorithm algorithm, String key, boolean base64,
                                             String interfaceVersion) {
        String text = data.format();
        String sent = base64 ? SipsData.encodeBase64(text) : text;
        return new SealedPaypageResponse(sent, Seals.compute(algorithm, key, sent), interfaceVersion,
                base64 ? "base64" : "");
    }
}
