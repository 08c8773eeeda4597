package org.caisse.authorization.application.port.out;

import java.util.List;
import java.util.Optional;
import org.caisse.authorization.domain.OperationRecord;
import org.caisse.authorization.domain.Transaction;

/**
 * What an operation on an existing transaction writes, decided by the application while the transaction row is
 * locked.
 *
 * @param answerJson      the answer to return, stored for replays of the same operationId or commandId
 * @param newTransaction  the transaction after the change, when it changed
 * @param operation       the operation to record, or null to record none (unknown transaction)
 * @param operationOrigin free text from the caller, stored with the operation
 * @param events          the events to publish with the change (the transaction event, a command result...)
 */
public record OperationWrite(String answerJson, Optional<Transaction> newTransaction, OperationRecord operation,
                             String operationOrigin, List<OutboxEvent> events) {

    public OperationWrite {
        events = List.copyOf(events);
    }
}
