package org.caisse.authorization.application.port.out;

import java.util.Optional;
import org.caisse.authorization.domain.OperationRecord;
import org.caisse.authorization.domain.Transaction;

/**
 * What an operation on an existing transaction writes, decided by the application while the transaction row is
 * locked.
 *
 * @param answerJson      the answer to return, stored for replays of the same operationId
 * @param newTransaction  the transaction after the change, when it changed
 * @param operation       the operation to record, or null to record nothing (unknown transaction)
 * @param operationOrigin free text from the caller, stored with the operation
 * @param event           the event to publish, when the transaction changed
 */
public record OperationWrite(String answerJson, Optional<Transaction> newTransaction, OperationRecord operation,
                             String operationOrigin, Optional<OutboxEvent> event) {

    public static OperationWrite answerOnly(String answerJson) {
        return new OperationWrite(answerJson, Optional.empty(), null, null, Optional.empty());
    }
}
