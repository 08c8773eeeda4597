package org.caisse.officeserver.application.port.out;

import java.util.List;

import io.smallrye.mutiny.Uni;

/** Publishes records to Kafka; completes when the broker acknowledged every one of them. */
public interface EventPublisher {

    Uni<Void> publishAll(List<OutboxMessage> messages);
}
