package org.caisse.authorization.adapter.out.cse;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * A small cache of asynchronous answers: concurrent misses of one key share one load; an answer is kept for the
 * lifetime it is given; a failed load is not kept (the next call tries again). Bounded: past {@code maxEntries}
 * expired entries are dropped, and if that is not enough, everything is.
 */
final class CoalescingKeyCache<K, V> {

    private static final class Entry<V> {
        final CompletableFuture<V> future = new CompletableFuture<>();
        volatile long expiresAtNanos = Long.MAX_VALUE; // in flight: shared until answered

        boolean isFresh(long now) {
            return !future.isDone() || now - expiresAtNanos < 0;
        }
    }

    private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();
    private final Function<V, Duration> lifetime;
    private final int maxEntries;
    private final LongSupplier nanoTime;

    CoalescingKeyCache(Function<V, Duration> lifetime, int maxEntries, LongSupplier nanoTime) {
        this.lifetime = lifetime;
        this.maxEntries = maxEntries;
        this.nanoTime = nanoTime;
    }

    /** The cached answer for {@code key}, or the one {@code loader} gives (shared with concurrent callers). */
    CompletableFuture<V> get(K key, Function<K, CompletableFuture<V>> loader) {
        long now = nanoTime.getAsLong();
        Entry<V> current = entries.get(key);
        if (current != null && current.isFresh(now)) {
            return current.future.copy();
        }
        Entry<V> created = new Entry<>();
        Entry<V> winner = entries.compute(key, (k, old) -> old != null && old.isFresh(now) ? old : created);
        if (winner == created) {
            trimIfFull(now);
            load(key, created, loader);
        }
        return winner.future.copy();
    }

    int size() {
        return entries.size();
    }

    void invalidateAll() {
        entries.clear();
    }

    private void load(K key, Entry<V> entry, Function<K, CompletableFuture<V>> loader) {
        CompletableFuture<V> loading;
        try {
            loading = loader.apply(key);
        } catch (RuntimeException e) {
            loading = CompletableFuture.failedFuture(e);
        }
        loading.whenComplete((value, error) -> {
            if (error != null) {
                entries.remove(key, entry);
                entry.future.completeExceptionally(error);
                return;
            }
            entry.expiresAtNanos = nanoTime.getAsLong() + lifetime.apply(value).toNanos();
            entry.future.complete(value);
        });
    }

    private void trimIfFull(long now) {
        if (entries.size() <= maxEntries) {
            return;
        }
        entries.values().removeIf(entry -> !entry.isFresh(now));
        if (entries.size() > maxEntries) {
            entries.clear();
        }
    }
}
