package org.caisse.paymentpage.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.net.URI;
import java.time.Duration;

/** Where merchant keys come from. */
@ConfigMapping(prefix = "caisse.key-management")
public interface KeyManagementConfig {

    /** Base URL of key-management-service. */
    @WithDefault("http://127.0.0.1:8085")
    URI url();

    /** How long a fetched key is cached. */
    @WithName("cache-ttl")
    @WithDefault("5M")
    Duration cacheTtl();
}
