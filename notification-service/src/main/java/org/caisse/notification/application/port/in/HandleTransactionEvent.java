package org.caisse.notification.application.port.in;

import io.smallrye.mutiny.Uni;
import org.caisse.notification.domain.TransactionEvent;

/** Turns a transaction event into deliveries, exactly once per event id. */
public interface HandleTransactionEvent {

    /** What handling an event did. */
    enum Result {
        /** Deliveries were recorded. */
        DELIVERIES_CREATED,
        /** The event asks for nothing this service sends. */
        NOTHING_TO_DELIVER,
        /** The event id had already been processed. */
        ALREADY_PROCESSED
    }

    /**
     * Completes once the outcome is committed. Fails with
     * {@link org.caisse.common.keys.KeyServiceUnavailableException} (or a database error) when the event must be
     * retried later.
     */
    Uni<Result> handle(TransactionEvent event);
}
