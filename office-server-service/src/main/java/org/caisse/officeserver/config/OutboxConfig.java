package org.caisse.officeserver.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The outbox relay. */
@ConfigMapping(prefix = "caisse.outbox")
public interface OutboxConfig {

    /** Poll interval of the relay job, for example {@code 1s} (the scheduler's interval syntax). */
    @WithDefault("1s")
    String interval();

    /** Most messages published per poll. */
    @WithDefault("100")
    int batchSize();
}
