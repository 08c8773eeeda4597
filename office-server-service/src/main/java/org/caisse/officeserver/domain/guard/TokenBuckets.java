package org.caisse.officeserver.domain.guard;

import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Token buckets by key (a merchant, a client address): {@code burst} tokens at most, refilled at
 * {@code perSecond}; one request takes one token. Held in memory, so each replica limits on its own.
 * The number of buckets is bounded: beyond {@code maxKeys} the buckets that are full again (idle keys)
 * are dropped, and if that is not enough every bucket is dropped (a flood of distinct keys must not
 * exhaust memory; it then only resets the limits).
 */
public final class TokenBuckets {

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    /** Whether the request may go on, and if not, how many whole seconds until one token is back (≥ 1). */
    public record Decision(boolean allowed, long retryAfterSeconds) {
    }

    private final double perSecond;
    private final double burst;
    private final int maxKeys;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    public TokenBuckets(double perSecond, int burst, int maxKeys) {
        if (perSecond <= 0 || burst < 1 || maxKeys < 1) {
            throw new IllegalArgumentException("rate, burst and key count must be positive");
        }
        this.perSecond = perSecond;
        this.burst = burst;
        this.maxKeys = maxKeys;
    }

    /** Takes one token of {@code key}'s bucket at time {@code nowNanos} (a monotonic clock). */
    public Decision take(String key, long nowNanos) {
        if (buckets.size() >= maxKeys && !buckets.containsKey(key)) {
            evictIdle(nowNanos);
        }
        Bucket bucket = buckets.computeIfAbsent(key, k -> new Bucket(burst, nowNanos));
        synchronized (bucket) {
            bucket.refill(nowNanos, perSecond, burst);
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                return new Decision(true, 0);
            }
            double missingSeconds = (1 - bucket.tokens) / perSecond;
            return new Decision(false, Math.max(1, (long) Math.ceil(missingSeconds)));
        }
    }

    int size() {
        return buckets.size();
    }

    private void evictIdle(long nowNanos) {
        for (Iterator<Bucket> it = buckets.values().iterator(); it.hasNext(); ) {
            Bucket bucket = it.next();
            synchronized (bucket) {
                bucket.refill(nowNanos, perSecond, burst);
                if (bucket.tokens >= burst) {
                    it.remove();
                }
            }
        }
        if (buckets.size() >= maxKeys) {
            buckets.clear();
        }
    }

    private static final class Bucket {
        private double tokens;
        private long updatedNanos;

        Bucket(double tokens, long nowNanos) {
            this.tokens = tokens;
            this.updatedNanos = nowNanos;
        }

        void refill(long nowNanos, double perSecond, double burst) {
            long elapsed = nowNanos - updatedNanos;
            if (elapsed > 0) {
                tokens = Math.min(burst, tokens + elapsed * perSecond / NANOS_PER_SECOND);
                updatedNanos = nowNanos;
            }
        }
    }
}
