package org.caisse.officeserver.application.port.out;

import java.util.Objects;
import java.util.UUID;

/**
 * A Kafka record waiting in the outbox: its id (also the CloudEvents id), topic, key and the encoded
 * CloudEvents JSON value.
 */
public record OutboxMessage(UUID id, String topic, String key, byte[] value) {

    public OutboxMessage {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
    }
}
