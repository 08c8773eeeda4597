package org.caisse.authorization.application;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.caisse.authorization.application.port.out.OutboxEvent;
import org.caisse.authorization.domain.OperationRecord;
import org.caisse.authorization.domain.Transaction;
import org.caisse.common.event.EventEnvelope;
import org.caisse.common.event.EventEnvelopeCodec;
import org.caisse.common.sips.TransactionStatus;

/** Builds the CloudEvents records that report a transaction change on the transactions topic. */
public final class TransactionEvents {

    private static final String PREFIX = "org.caisse.transaction.";
    public static final String AUTHORIZED = PREFIX + "authorized.v1";
    public static final String REFUSED = PREFIX + "refused.v1";
    public static final String CANCELLED = PREFIX + "cancelled.v1";
    public static final String VALIDATED = PREFIX + "validated.v1";
    public static final String REFUNDED = PREFIX + "refunded.v1";
    public static final String CAPTURED = PREFIX + "captured.v1";
    public static final String CREDITED = PREFIX + "credited.v1";
    public static final String EXPIRED = PREFIX + "expired.v1";
    public static final String REFERRAL_FORCED = PREFIX + "referral-forced.v1";
    public static final String DEFERRED_AUTHORIZED = PREFIX + "deferred-authorized.v1";
    public static final String DEFERRED_REFUSED = PREFIX + "deferred-refused.v1";
    public static final String CREDIT_REQUESTED = PREFIX + "credit-requested.v1";

    private TransactionEvents() {
    }

    /** The event type reporting an applied authorization result: a referral is not an approval. */
    public static String authorizationType(Transaction t) {
        return t.status() == TransactionStatus.REFUSED || t.status() == TransactionStatus.REFERRAL ? REFUSED : AUTHORIZED;
    }

    /** The event type reporting {@code operation}, which left the transaction as {@code after}. */
    public static String typeOf(OperationRecord operation, Transaction after) {
        return switch (operation.name()) {
            case AUTHORIZATION, DUPLICATE -> authorizationType(after);
            case DEFERRED_AUTHORIZATION -> after.status() == TransactionStatus.REFUSED
                    ? DEFERRED_REFUSED : DEFERRED_AUTHORIZED;
            case REFERRAL_FORCING -> REFERRAL_FORCED;
            case VALIDATION -> VALIDATED;
            case CANCEL -> CANCELLED;
            case CAPTURE -> CAPTURED;
            case REFUND -> REFUNDED;
            case CREDIT_HOLDER -> CREDIT_REQUESTED;
            case CREDIT_REMITTANCE -> CREDITED;
            case EXPIRY -> EXPIRED;
        };
    }

    /** The event of an accepted transition, with the snapshot after it. */
    public static OutboxEvent of(OperationRecord operation, Transaction after, EngineSettings settings, Instant now) {
        return event(typeOf(operation, after), after, TransactionSnapshots.of(after, settings.zone()), settings, now);
    }

    public static OutboxEvent event(String type, Transaction t, Map<String, Object> snapshot, EngineSettings settings,
                                    Instant now) {
        UUID id = UUID.randomUUID();
        EventEnvelope envelope = new EventEnvelope(id.toString(), settings.eventSource(), type, now, t.key(), snapshot);
        return new OutboxEvent(id, settings.transactionsTopic(), t.key(), EventEnvelopeCodec.toJson(envelope), now);
    }
}
