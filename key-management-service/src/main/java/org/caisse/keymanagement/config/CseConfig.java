package org.caisse.keymanagement.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Client-side encryption (CSE) settings. */
@ConfigMapping(prefix = "caisse.cse")
public interface CseConfig {

    /**
     * {@code Cache-Control: max-age} of the public JWKS. Short enough that a new key reaches the shops well before a
     * deprecated one stops decrypting (rotation keeps the old key 24 h).
     */
    @WithDefault("5m")
    Duration jwksMaxAge();
}
