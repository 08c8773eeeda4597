package org.caisse.authorization.application.port.out;

import java.util.List;
import org.caisse.authorization.domain.OperationRecord;
import org.caisse.authorization.domain.Transaction;

/** A transaction changed by the remittance run, with the operation and events written with it. */
public record TransitionWrite(Transaction transaction, OperationRecord operation, List<OutboxEvent> events) {
    public TransitionWrite {
        events = List.copyOf(events);
    }
}
