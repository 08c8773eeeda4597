package org.caisse.authorization.application;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.caisse.authorization.application.port.out.OutboxEvent;
import org.caisse.authorization.domain.Transaction;
import org.caisse.common.event.EventEnvelope;
import org.caisse.common.event.EventEnvelopeCodec;
import org.caisse.common.sips.TransactionStatus;

/** Builds the CloudEvents records that report a transaction change on the transactions topic. */
public final class TransactionEvents {

    public static final String AUTHORIZED = "org.caisse.transaction.authorized.v1";
    public static final String REFUSED = "org.caisse.transaction.refused.v1";
    public static final String CANCELLED = "org.caisse.transaction.cancelled.v1";

    private TransactionEvents() {
    }

    /** The event type reporting an applied authorization result. */
    public static String authorizationType(Transaction t) {
        return t.status() == TransactionStatus.REFUSED ? REFUSED : AUTHORIZED;
    }

    public static OutboxEvent event(String type, Transaction t, Map<String, Object> snapshot, EngineSettings settings,
                                    Instant now) {
        UUID id = UUID.randomUUID();
        EventEnvelope envelope = new EventEnvelope(id.toString(), settings.eventSource(), type, now, t.key(), snapshot);
        return new OutboxEvent(id, settings.transactionsTopic(), t.key(), EventEnvelopeCodec.toJson(envelope), now);
    }
}
