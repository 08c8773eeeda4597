package org.caisse.authorization.application.port.out;

import java.time.Instant;
import java.util.UUID;

/** A record to publish, written in the same database transaction as the state change it reports. */
public record OutboxEvent(UUID id, String topic, String recordKey, byte[] payload, Instant createdAt) {
}
