package org.caisse.authorization.adapter.out.persistence;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * A small in-memory cache whose entries expire {@code ttl} after they were put. Bounded: past {@code maxEntries}
 * the expired entries go, and if that is not enough everything does (a reload costs one query per key).
 */
final class TtlCache<K, V> {

    private record Entry<V>(V value, long expiresAtNanos) {
    }

    private final ConcurrentHashMap<K, Entry<V>> entries = new ConcurrentHashMap<>();
    private final long ttlNanos;
    private final LongSupplier nanoTime;
    private final int maxEntries;

    TtlCache(Duration ttl, LongSupplier nanoTime, int maxEntries) {
        this.ttlNanos = ttl.toNanos();
        this.nanoTime = nanoTime;
        this.maxEntries = maxEntries;
    }

    Optional<V> get(K key) {
        Entry<V> entry = entries.get(key);
        if (entry == null) {
            return Optional.empty();
        }
        if (nanoTime.getAsLong() - entry.expiresAtNanos() >= 0) {
            entries.remove(key, entry);
            return Optional.empty();
        }
        return Optional.of(entry.value());
    }

    void put(K key, V value) {
        if (ttlNanos <= 0) {
            return;
        }
        long now = nanoTime.getAsLong();
        if (entries.size() >= maxEntries) {
            entries.values().removeIf(e -> now - e.expiresAtNanos() >= 0);
            if (entries.size() >= maxEntries) {
                entries.clear();
            }
        }
        entries.put(key, new Entry<>(value, now + ttlNanos));
    }

    void invalidate(K key) {
        entries.remove(key);
    }

    int size() {
        return entries.size();
    }
}
