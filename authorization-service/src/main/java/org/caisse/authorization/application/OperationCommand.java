package org.caisse.authorization.application;

import java.util.Objects;
import org.caisse.common.money.Money;

/**
 * A validated request for a cash operation on an existing transaction.
 *
 * @param operationId     the merchant's id of the request: replaying it returns the first answer and changes nothing
 * @param commandId       the id of the Kafka command that carried it, null for REST; a command also gets a result
 *                        event
 * @param amount          the operation amount; for FORCE_REFERRAL may be null
 * @param authorisationId for FORCE_REFERRAL: the authorization number the issuer gave
 */
public record OperationCommand(String merchantId, String transactionReference, String operationId, String commandId,
                               CashOperation operation, Money amount, String authorisationId,
                               String operationOrigin) {
    public OperationCommand {
        Objects.requireNonNull(merchantId, "merchantId");
        Objects.requireNonNull(transactionReference, "transactionReference");
        Objects.requireNonNull(operation, "operation");
        if (operationId == null && commandId == null) {
            throw new IllegalArgumentException("an operation needs an operationId or a commandId");
        }
    }
}
