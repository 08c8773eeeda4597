package org.caisse.officeserver.application.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Uni;
import org.caisse.officeserver.application.port.out.EventPublisher;
import org.caisse.officeserver.application.port.out.OutboxStore;
import org.caisse.officeserver.config.OutboxConfig;

/**
 * Moves outbox messages to Kafka: claims a batch (other relays skip locked rows), publishes it, and
 * marks it published only after the broker acknowledged every record. A crash between the two leaves
 * the rows pending, so they are published again: delivery is at least once, consumers dedupe on the
 * CloudEvents id.
 */
@ApplicationScoped
public class OutboxRelay {

    private final OutboxStore outbox;
    private final EventPublisher publisher;
    private final OutboxConfig config;

    @Inject
    public OutboxRelay(OutboxStore outbox, EventPublisher publisher, OutboxConfig config) {
        this.outbox = outbox;
        this.publisher = publisher;
        this.config = config;
    }

    /** One pass; how many messages were published. */
    public Uni<Integer> relayOnce() {
        return outbox.publishPending(config.batchSize(), publisher::publishAll);
    }
}
