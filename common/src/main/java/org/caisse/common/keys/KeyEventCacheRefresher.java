package org.caisse.common.keys;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.caisse.common.event.EventEnvelope;
import org.caisse.common.event.EventEnvelopeCodec;
import org.caisse.common.event.InvalidEventException;

/**
 * Refreshes a merchant key cache from the key events of {@code caisse.keys.v1} (record key = merchantId): any key
 * event of a merchant drops that merchant's cached answers, so the next lookup asks key-management-service again. A
 * service wires it to its Kafka consumer: {@code refresher.onRecord(record.key(), record.value())}.
 *
 * <p>Dropping too much is harmless (one more fetch), keeping too much is not: a record whose value cannot be read
 * still invalidates the merchant named by its key.
 */
public final class KeyEventCacheRefresher {

    /** Every key event type starts with this. */
    public static final String KEY_EVENT_TYPE_PREFIX = "org.caisse.key.";
    private static final Pattern MERCHANT_ID = Pattern.compile("\\d{15}");

    private final Consumer<String> invalidateMerchant;

    public KeyEventCacheRefresher(CachingMerchantKeyClient client) {
        this(Objects.requireNonNull(client, "client")::invalidate);
    }

    /** @param invalidateMerchant called with the merchantId whose cached keys must go */
    public KeyEventCacheRefresher(Consumer<String> invalidateMerchant) {
        this.invalidateMerchant = Objects.requireNonNull(invalidateMerchant, "invalidateMerchant");
    }

    /**
     * Handles one record of the key topic.
     *
     * @return the merchant whose cache entries were dropped, or empty when the record named no merchant or was
     *         not a key event
     */
    public Optional<String> onRecord(String recordKey, byte[] value) {
        Optional<EventEnvelope> event = parse(value);
        if (event.isPresent() && !event.get().type().startsWith(KEY_EVENT_TYPE_PREFIX)) {
            return Optional.empty();
        }
        Optional<String> merchantId = merchantIdOf(recordKey)
                .or(() -> event.map(EventEnvelope::subject).flatMap(KeyEventCacheRefresher::merchantIdOf))
                .or(() -> event.map(e -> e.data().get("merchantId")).map(Object::toString)
                        .flatMap(KeyEventCacheRefresher::merchantIdOf));
        merchantId.ifPresent(invalidateMerchant);
        return merchantId;
    }

    private static Optional<EventEnvelope> parse(byte[] value) {
        try {
            return Optional.of(EventEnvelopeCodec.fromJson(value));
        } catch (InvalidEventException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> merchantIdOf(String text) {
        return text != null && MERCHANT_ID.matcher(text).matches() ? Optional.of(text) : Optional.empty();
    }
}
