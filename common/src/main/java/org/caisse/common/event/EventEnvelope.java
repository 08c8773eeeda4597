package org.caisse.common.event;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A Kafka record value: a CloudEvents 1.0 event whose {@code data} is a JSON object (docs/platform-contracts.md).
 * {@code id} is the consumers' dedupe key, {@code source} {@code /caisse/<service-name>}, {@code subject} the record
 * key. {@code time} and {@code subject} may be null; a null {@code data} becomes an empty object.
 */
public record EventEnvelope(String id, String source, String type, Instant time, String subject,
                            Map<String, Object> data) {

    public EventEnvelope {
        requireText(id, "id");
        requireText(source, "source");
        requireText(type, "type");
        data = data == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(data));
    }

    private static void requireText(String value, String name) {
        if (Objects.requireNonNull(value, name).isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }
}
