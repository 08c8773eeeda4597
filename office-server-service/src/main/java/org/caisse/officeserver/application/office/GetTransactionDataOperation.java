package org.caisse.officeserver.application.office;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Uni;
import org.caisse.common.sips.ResponseCode;
import org.caisse.officeserver.application.port.out.TransactionGateway;
import org.caisse.officeserver.application.port.out.TransactionGateway.TransactionRecord;
import org.caisse.officeserver.domain.office.ResponseFields;

/**
 * {@code diagnostic/getTransactionData}: the state of one of the merchant's transactions, read from
 * authorization-service (the source of truth). Another merchant's transaction is "unknown" (25).
 */
@ApplicationScoped
public class GetTransactionDataOperation implements OfficeOperation {

    private final TransactionGateway transactions;

    @Inject
    public GetTransactionDataOperation(TransactionGateway transactions) {
        this.transactions = transactions;
    }

    @Override
    public String family() {
        return "diagnostic";
    }

    @Override
    public String name() {
        return "getTransactionData";
    }

    @Override
    public String interfaceVersionPrefix() {
        return "DR_WS_";
    }

    @Override
    public Uni<Map<String, Object>> execute(AuthenticatedRequest request) {
        String reference = request.fields().transactionReference();
        return transactions.find(request.merchantId(), reference)
                .map(found -> found.map(GetTransactionDataOperation::toResponse)
                        .orElseGet(() -> ResponseFields.withCode(ResponseCode.TRANSACTION_UNKNOWN.code())
                                .asMap()));
    }

    static Map<String, Object> toResponse(TransactionRecord record) {
        Map<String, Object> tx = record.transaction();
        ResponseFields response = ResponseFields.withCode(ResponseCode.ACCEPTED.code())
                .copy(tx, "merchantId")
                .copy(tx, "transactionReference")
                .copy(tx, "status", "transactionStatus")
                .copy(tx, "amount", "originAmount")
                .copy(tx, "currentAmount")
                .copy(tx, "currentAmount", "remainingAmount")
                .copy(tx, "currencyCode")
                .copy(tx, "authorisationId")
                .copy(tx, "acquirerResponseCode")
                .copy(tx, "responseCode", "authorisationResponseCode")
                .copy(tx, "captureMode")
                .copy(tx, "captureDay")
                .copy(tx, "captureLimitDate")
                .copy(tx, "transactionDateTime");
        if (tx.get("lastOperation") instanceof Map<?, ?> last) {
            response.put("lastOperationName", last.get("name"))
                    .put("lastOperationDateTime", last.get("dateTime"));
        }
        response.copy(tx, "paymentMeanBrand")
                .copy(tx, "paymentMeanType")
                .copy(tx, "maskedPan")
                .copy(tx, "panExpiryDate")
                .copy(tx, "orderChannel")
                .copy(tx, "orderId")
                .copy(tx, "holderAuthentStatus")
                .copy(tx, "guaranteeIndicator")
                .copy(tx, "customerId")
                .copy(tx, "returnContext")
                .copy(tx, "statementReference")
                .copy(tx, "paymentPattern");
        List<Map<String, Object>> operations = new ArrayList<>();
        for (Map<String, Object> operation : record.operations()) {
            operations.add(new ResponseFields()
                    .copy(operation, "name", "operationName")
                    .copy(operation, "amount", "operationAmount")
                    .copy(operation, "dateTime", "operationDateTime")
                    .copy(operation, "responseCode")
                    .asMap());
        }
        return response.put("operationList", operations).asMap();
    }
}
