package org.caisse.paymentpage.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** Transport security and the card-testing defence of the page. */
@ConfigMapping(prefix = "caisse.page")
public interface PageProtectionConfig {

    /** The {@code Strict-Transport-Security} value sent on every response; empty: the header is not sent. */
    Optional<String> hsts();

    /** Rejected card entries (number, expiry, CSC) a payment allows; the next one ends it with 75. */
    @WithDefault("3")
    int maxCardAttempts();

    /** Submissions of one card across all payments. */
    CardAttempts cardAttempts();

    /** The secret of the card fingerprints (created when absent); every instance must read the same one. */
    @WithDefault("${caisse.secrets-dir}/payment-page/card-fingerprint.key")
    Path cardFingerprintKeyFile();

    interface CardAttempts {

        /** Submissions of one card allowed within {@link #window()}; beyond, 75 without authorization. */
        @WithDefault("5")
        int max();

        /** The sliding window the submissions are counted over. */
        @WithDefault("1H")
        Duration window();

        /** How often submissions outside the window are deleted. */
        @WithName("prune-every")
        @WithDefault("10m")
        String pruneEvery();
    }
}
