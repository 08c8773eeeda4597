package org.caisse.notification.domain;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * One message to deliver to one endpoint for one event, with the state of its attempts.
 *
 * <p>A delivery is created {@link DeliveryStatus#PENDING} (or directly {@link DeliveryStatus#FAILED} when the
 * message cannot be built), then each attempt moves it through {@link #afterAttempt}. A delivered or failed
 * delivery is final and kept.
 *
 * @param payload the fields to send, ready as they go on the wire; empty when the message could not be built
 * @param nextAttemptAt when the worker should try next; null once final
 * @param lastError the detail of the last failure (or why the message could not be built); null when none
 */
public record Delivery(
        UUID id,
        String eventId,
        String merchantId,
        String transactionReference,
        Channel channel,
        String endpoint,
        Map<String, String> payload,
        DeliveryStatus status,
        int attempts,
        Instant nextAttemptAt,
        String lastError,
        Instant createdAt,
        Instant deliveredAt) {

    /** Longest {@code lastError} kept; details come from our own code, this only guards the column. */
    public static final int MAX_ERROR_LENGTH = 500;

    public Delivery {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(merchantId, "merchantId");
        Objects.requireNonNull(transactionReference, "transactionReference");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        payload = payload == null ? Map.of() : Map.copyOf(payload);
        lastError = truncate(lastError);
    }

    /** A new delivery whose first attempt is due at once. */
    public static Delivery pending(String eventId, String merchantId, String transactionReference, Channel channel,
            String endpoint, Map<String, String> payload, Instant now) {
        return new Delivery(UUID.randomUUID(), eventId, merchantId, transactionReference, channel, endpoint, payload,
                DeliveryStatus.PENDING, 0, now, null, now, null);
    }

    /**
     * A delivery that cannot be sent (its message could not be built, e.g. the merchant key version is
     * unknown): kept as {@link DeliveryStatus#FAILED} so that support sees it and a later replay can rebuild it.
     */
    public static Delivery unsendable(String eventId, String merchantId, String transactionReference, Channel channel,
            String endpoint, String reason, Instant now) {
        return new Delivery(UUID.randomUUID(), eventId, merchantId, transactionReference, channel, endpoint, Map.of(),
                DeliveryStatus.FAILED, 0, null, reason, now, null);
    }

    /**
     * The delivery after one more attempt: delivered on success; on failure retried at the ladder's next step,
     * or failed for good when the ladder is exhausted; failed for good at once when the attempt was refused
     * (nothing sent).
     *
     * @param random01 a uniform random number in [0, 1) for the ladder's jitter
     * @throws IllegalStateException when the delivery is already final
     */
    public AttemptRecorded afterAttempt(AttemptOutcome outcome, Instant now, RetryLadder ladder, double random01) {
        if (!status.isOpen()) {
            throw new IllegalStateException("Delivery " + id + " is already " + status);
        }
        int attemptNumber = attempts + 1;
        DeliveryAttempt attempt = new DeliveryAttempt(id, attemptNumber, now,
                outcome instanceof AttemptOutcome.Succeeded, truncate(outcome.detail()));
        Delivery next = switch (outcome) {
            case AttemptOutcome.Succeeded ignored -> new Delivery(id, eventId, merchantId, transactionReference,
                    channel, endpoint, payload, DeliveryStatus.DELIVERED, attemptNumber, null, lastError, createdAt,
                    now);
            case AttemptOutcome.Failed failed -> ladder.nextAttemptAfter(attemptNumber, now, random01)
                    .map(nextAt -> new Delivery(id, eventId, merchantId, transactionReference, channel, endpoint,
                            payload, DeliveryStatus.RETRYING, attemptNumber, nextAt, failed.detail(), createdAt, null))
                    .orElseGet(() -> new Delivery(id, eventId, merchantId, transactionReference, channel, endpoint,
                            payload, DeliveryStatus.FAILED, attemptNumber, null, failed.detail(), createdAt, null));
            case AttemptOutcome.Refused refused -> new Delivery(id, eventId, merchantId, transactionReference,
                    channel, endpoint, payload, DeliveryStatus.FAILED, attemptNumber, null, refused.detail(),
                    createdAt, null);
        };
        return new AttemptRecorded(this, next, attempt);
    }

    /** The result of {@link #afterAttempt}: the state before (for optimistic checks), after, and the attempt. */
    public record AttemptRecorded(Delivery before, Delivery after, DeliveryAttempt attempt) {
    }

    private static String truncate(String text) {
        if (text == null || text.length() <= MAX_ERROR_LENGTH) {
            return text;
        }
        return text.substring(0, MAX_ERROR_LENGTH);
    }

    @Override
    public String toString() {
        // The payload carries the shopper's data: never printed.
        return "Delivery[id=" + id + ", eventId=" + eventId + ", merchantId=" + merchantId + ", transactionReference="
                + transactionReference + ", channel=" + channel + ", status=" + status + ", attempts=" + attempts + "]";
    }
}
