package org.caisse.paymentpage.application.port.out;

import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.util.UUID;

/** Counts of card attempts, for the card-testing defence. Never holds a card number. */
public interface CardAttemptStore {

    /** Adds one rejected card entry to the payment request; returns its count of rejected entries so far. */
    Uni<Integer> recordRejectedEntry(UUID paymentRequestId);

    /**
     * Records a submission of the card of {@code fingerprint} at {@code at}; returns how many submissions of that
     * card (this one included) happened since {@code windowStart}.
     */
    Uni<Integer> recordSubmission(String fingerprint, Instant at, Instant windowStart);

    /** Deletes card submissions before {@code submissionsBefore} and session counts before {@code sessionsBefore}. */
    Uni<Integer> prune(Instant submissionsBefore, Instant sessionsBefore);
}
