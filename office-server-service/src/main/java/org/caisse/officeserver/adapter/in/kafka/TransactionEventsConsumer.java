package org.caisse.officeserver.adapter.in.kafka;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.caisse.officeserver.application.transaction.TransactionEventsProjector;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Feeds the transaction read model from {@code caisse.transactions.v1} (consumer group
 * {@code office-server-service-transactions}, from the earliest offset); the record is acknowledged once stored
 * or skipped.
 */
@ApplicationScoped
public class TransactionEventsConsumer {

    private final TransactionEventsProjector projector;

    public TransactionEventsConsumer(TransactionEventsProjector projector) {
        this.projector = projector;
    }

    @Incoming("transaction-events")
    public Uni<Void> onTransactionEvent(ConsumerRecord<String, byte[]> record) {
        return projector.onRecord(record.value(), record.topic() + "/" + record.partition() + "@" + record.offset())
                .replaceWithVoid();
    }
}
