package org.caisse.keymanagement.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Seal key custody settings ({@code caisse.keys.*}). */
@ConfigMapping(prefix = "caisse.keys")
public interface KeyCustodyConfig {

    /**
     * The shortest overlap a rotation or activation may give the superseded versions. 1 hour in production (the
     * policy's minimum); a local platform run for tests or benches lowers it (environment variable
     * {@code CAISSE_KEYS_MIN_OVERLAP}) so that a version's end of validity comes within the run. At most 24 h.
     */
    @WithDefault("1h")
    Duration minOverlap();
}
