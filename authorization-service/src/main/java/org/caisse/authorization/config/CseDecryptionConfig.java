package org.caisse.authorization.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Acceptance window of client-side-encrypted card data, under {@code caisse.cse.*}. */
@ConfigMapping(prefix = "caisse.cse")
public interface CseDecryptionConfig {

    /**
     * Oldest accepted {@code generationTime}: a blob older than this is refused as stale. 24 hours leaves room for a
     * shopper's slow checkout and a shop clock that is off, while bounding how long a captured blob can be replayed.
     */
    @WithDefault("24h")
    Duration maxAge();

    /** How far in the future a {@code generationTime} may be (clock differences between shop and platform). */
    @WithDefault("5m")
    Duration maxClockSkew();
}
