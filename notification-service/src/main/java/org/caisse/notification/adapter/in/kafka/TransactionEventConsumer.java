package org.caisse.notification.adapter.in.kafka;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Optional;
import org.caisse.common.event.EventEnvelope;
import org.caisse.common.event.EventEnvelopeCodec;
import org.caisse.common.event.InvalidEventException;
import org.caisse.notification.application.port.in.HandleTransactionEvent;
import org.caisse.notification.domain.MalformedEventException;
import org.caisse.notification.domain.TransactionEvent;
import org.caisse.notification.domain.TransactionEventType;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Consumes {@code caisse.transactions.v1}. A record is acknowledged (its offset may be committed) only after its
 * outcome is committed in the database. When that cannot happen yet (key service or database unavailable), the
 * record is retried in place with a growing back-off, never skipped: records of the partition wait behind it, and a
 * restart re-reads it. Malformed records are logged (position only, never content) and skipped.
 */
@ApplicationScoped
public class TransactionEventConsumer {

    private static final Logger LOG = Logger.getLogger(TransactionEventConsumer.class);

    private final HandleTransactionEvent handler;
    private final Duration initialBackOff;
    private final Duration maxBackOff;

    public TransactionEventConsumer(HandleTransactionEvent handler,
            @ConfigProperty(name = "caisse.consumer.retry-initial-back-off", defaultValue = "1s")
            Duration initialBackOff,
            @ConfigProperty(name = "caisse.consumer.retry-max-back-off", defaultValue = "30s")
            Duration maxBackOff) {
        this.handler = handler;
        this.initialBackOff = initialBackOff;
        this.maxBackOff = maxBackOff;
    }

    @Incoming("transactions")
    public Uni<Void> consume(Message<byte[]> message) {
        String position = position(message);
        Optional<TransactionEvent> event;
        try {
            event = decode(message.getPayload());
        } catch (InvalidEventException | MalformedEventException e) {
            LOG.warnf("Skipping malformed transaction event at %s: %s", position, e.getClass().getSimpleName());
            return Uni.createFrom().completionStage(message::ack);
        } catch (RuntimeException e) {
            LOG.warnf("Skipping unreadable transaction event at %s: %s", position, e.getClass().getSimpleName());
            return Uni.createFrom().completionStage(message::ack);
        }
        if (event.isEmpty()) {
            return Uni.createFrom().completionStage(message::ack);
        }
        TransactionEvent transactionEvent = event.get();
        return Uni.createFrom().deferred(() -> handler.handle(transactionEvent))
                .onFailure().invoke(failure -> LOG.warnf(
                        "Transaction event %s at %s not processed yet (%s); retrying",
                        transactionEvent.eventId(), position, failure.getClass().getSimpleName()))
                .onFailure().retry().withBackOff(initialBackOff, maxBackOff).indefinitely()
                .invoke(result -> LOG.debugf("Transaction event %s: %s", transactionEvent.eventId(), result))
                .flatMap(result -> Uni.createFrom().completionStage(message::ack));
    }

    /** The event, or empty when its type is not one this service acts on. */
    static Optional<TransactionEvent> decode(byte[] payload) {
        EventEnvelope envelope = EventEnvelopeCodec.fromJson(payload);
        Optional<TransactionEventType> type = TransactionEventType.fromCloudEventType(envelope.type());
        if (type.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(TransactionEvent.of(envelope.id(), type.get(), envelope.data()));
    }

    private static String position(Message<?> message) {
        return message.getMetadata(IncomingKafkaRecordMetadata.class)
                .map(m -> m.getTopic() + "-" + m.getPartition() + "@" + m.getOffset())
                .orElse("unknown position");
    }
}
