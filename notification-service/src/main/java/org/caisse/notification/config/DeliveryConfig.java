package org.caisse.notification.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How deliveries are attempted and retried. */
@ConfigMapping(prefix = "caisse.delivery")
public interface DeliveryConfig {

    /**
     * The waits between attempts, comma-separated ({@code ms}, {@code s}, {@code m}, {@code h}, {@code d}); a
     * ladder of k waits allows k + 1 attempts, after which the delivery is FAILED (and kept).
     */
    @WithDefault("1m,5m,15m,1h,6h,12h,24h,24h")
    String retryLadder();

    /** Relative spread applied to each wait ({@code 0.1} = ±10 %), so that retries of an outage do not align. */
    @WithDefault("0.1")
    double jitter();

    /** How long one attempt may take before it counts as failed (connect + answer). */
    @WithDefault("10s")
    Duration timeout();

    /**
     * How long a claimed delivery stays reserved for the worker that claimed it. Must exceed {@link #timeout()}:
     * when a worker dies mid-attempt, the delivery falls due again after this lease (re-sent, never lost).
     */
    @WithDefault("60s")
    Duration lease();

    /** Most deliveries claimed and sent in parallel per tick. */
    @WithDefault("20")
    int batchSize();

    /** How often the worker looks for due deliveries (read by the scheduler). */
    @WithDefault("0.5s")
    Duration pollInterval();

    /** How often the pending-deliveries gauge is refreshed (read by the scheduler). */
    @WithDefault("15s")
    Duration gaugeInterval();
}
