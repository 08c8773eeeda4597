package org.caisse.keymanagement.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The key event outbox relay and the deprecated-key usage warnings. */
@ConfigMapping(prefix = "caisse.key-events")
public interface KeyEventsConfig {

    /** Publish the outbox to Kafka. */
    @WithDefault("true")
    boolean relayEnabled();

    /** Events per relay transaction. */
    @WithDefault("100")
    int batchSize();

    /** Published events are deleted from the outbox after this (Kafka keeps them). */
    @WithDefault("7d")
    Duration retention();

    /** Warn about a DEPRECATED version used this close to its notAfter. */
    @WithDefault("6h")
    Duration deprecatedWarningWindow();

    /** "Still in use" = served by the internal fetch API within this period. */
    @WithDefault("1h")
    Duration recentUseWindow();

    /** How often the relay looks for unpublished events (read by the scheduler). */
    @WithDefault("500ms")
    Duration relayInterval();

    /** How often the deprecated-key usage check runs (read by the scheduler). */
    @WithDefault("15m")
    Duration deprecatedCheckInterval();
}
