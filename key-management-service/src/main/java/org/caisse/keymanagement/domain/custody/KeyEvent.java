package org.caisse.keymanagement.domain.custody;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.caisse.keymanagement.domain.MerchantId;

/**
 * A key event: what happened to which merchant's key, never the key material. {@code data} holds plain values
 * only (strings, numbers, null).
 */
public record KeyEvent(UUID id, KeyEventType type, MerchantId merchantId, Instant occurredAt,
                       Map<String, Object> data) {

    public KeyEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(merchantId, "merchantId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        data = Collections.unmodifiableMap(new LinkedHashMap<>(data));
    }

    /** An event about one seal key version. */
    public static KeyEvent ofSealKey(KeyEventType type, SealKeyVersion version, Instant now, Actor actor) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("merchantId", version.merchantId().value());
        data.put("keyVersion", version.keyVersion().value());
        data.put("environment", version.environment().name());
        data.put("status", version.status().name());
        data.put("notAfter", version.notAfter().map(Instant::toString).orElse(null));
        data.put("actorRole", actor.role().name());
        return new KeyEvent(UUID.randomUUID(), type, version.merchantId(), now, data);
    }
}
