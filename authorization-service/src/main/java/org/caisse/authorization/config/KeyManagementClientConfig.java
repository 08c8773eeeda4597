package org.caisse.authorization.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;

/** How this service reaches key-management-service (CSE private keys), under {@code caisse.key-management.*}. */
@ConfigMapping(prefix = "caisse.key-management")
public interface KeyManagementClientConfig {

    /** Base URL of key-management-service. */
    @WithDefault("http://127.0.0.1:8085")
    URI url();

    /** How long a fetched private key is kept in memory (never beyond its notAfter). */
    @WithDefault("5m")
    Duration cacheTtl();

    /** TCP connect timeout: a stopped key service must fail the payment fast, not hold it. */
    @WithDefault("1s")
    Duration connectTimeout();

    /** Whole-request timeout. */
    @WithDefault("2s")
    Duration requestTimeout();
}
