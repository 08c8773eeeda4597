package org.caisse.officeserver.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/** Idempotency keys and rate limits of the Office Server API. */
@ConfigMapping(prefix = "caisse.office")
public interface OfficeGuardConfig {

    Idempotency idempotency();

    @WithName("rate-limit")
    RateLimit rateLimit();

    interface Idempotency {
        /** How long a stored answer is replayed for a key (from the first request). */
        @WithDefault("PT24H")
        Duration ttl();

        /**
         * How long a claim whose request never finished (the instance died while executing) blocks the key with
         * 409 before a new request with the same key may claim it again.
         */
        @WithDefault("PT2M")
        @WithName("in-progress-lease")
        Duration inProgressLease();

        /** How often expired keys are deleted. */
        @WithDefault("PT10M")
        @WithName("prune-interval")
        Duration pruneInterval();
    }

    interface RateLimit {
        /** Sealed requests per second and merchant (per replica). */
        @WithDefault("50")
        @WithName("per-second")
        double perSecond();

        /** Requests a merchant may send at once before the rate applies. */
        @WithDefault("100")
        int burst();

        /** Requests per second and client address, counted before the seal is checked (per replica). */
        @WithDefault("200")
        @WithName("per-client.per-second")
        double perClientPerSecond();

        @WithDefault("400")
        @WithName("per-client.burst")
        int perClientBurst();

        /** Distinct merchants or addresses tracked before idle buckets are dropped. */
        @WithDefault("100000")
        @WithName("max-keys")
        int maxKeys();
    }
}
