package org.caisse.officeserver.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The outbox relay (the poll interval is {@code caisse.outbox.interval}, read by the scheduler). */
@ConfigMapping(prefix = "caisse.outbox")
public interface OutboxConfig {

    /** Poll interval of the relay, for example {@code 1s}. */
    @WithDefault("1s")
    String interval();

    /** Most messages published per poll. */
    @WithDefault("100")
    int batchSize();
}
