package org.caisse.paymentpage.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * Settings of the hosted payment page session. (Each group of {@code caisse.*} settings has its own
 * mapping so that other {@code caisse.*} properties, such as build settings, never fail validation.)
 */
@ConfigMapping(prefix = "caisse.session")
public interface PaymentPageConfig {

    /** How long a shopper has from the merchant's POST to the card submission (Sips: 15 minutes, then 97). */
    @WithDefault("15M")
    Duration ttl();
}
