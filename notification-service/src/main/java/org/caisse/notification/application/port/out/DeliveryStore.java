package org.caisse.notification.application.port.out;

import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.caisse.notification.domain.Delivery;

/** Where deliveries and processed event ids live. */
public interface DeliveryStore {

    /** Whether the event was already processed (a cheap check before any remote call). */
    Uni<Boolean> isProcessed(String eventId);

    /**
     * In one database transaction: marks the event processed and inserts its deliveries.
     *
     * @return false when the event had already been processed (nothing written)
     */
    Uni<Boolean> recordProcessedEvent(String eventId, String eventType, List<Delivery> deliveries);

    /**
     * Claims up to {@code limit} open deliveries due at {@code now} ({@code FOR UPDATE SKIP LOCKED}) and leases
     * them by moving their next attempt to {@code leaseUntil}, in one committed transaction: if this process dies
     * before recording the outcome, the deliveries fall due again when the lease ends (re-sent, never lost).
     */
    Uni<List<Delivery>> claimDue(Instant now, Instant leaseUntil, int limit);

    /**
     * Stores the outcome of an attempt and its history row, only if the delivery is still in the state it was
     * claimed in.
     *
     * @return false when the delivery changed meanwhile (its lease ran out and another worker took it)
     */
    Uni<Boolean> recordAttempt(Delivery.AttemptRecorded attempt);

    /** A merchant's deliveries, newest first, optionally for one transaction. */
    Uni<List<Delivery>> findByMerchant(String merchantId, Optional<String> transactionReference, int limit);

    /** How many deliveries are still open (pending or retrying). */
    Uni<Long> countOpen();
}
