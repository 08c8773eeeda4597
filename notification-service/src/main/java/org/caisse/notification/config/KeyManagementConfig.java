package org.caisse.notification.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;

/** Where merchant seal keys come from. */
@ConfigMapping(prefix = "caisse.key-management")
public interface KeyManagementConfig {

    /** Base URL of key-management-service. */
    @WithDefault("http://127.0.0.1:8085")
    URI url();

    /** How long a fetched key (or a "not found" answer) is cached. */
    @WithDefault("5m")
    Duration cacheTtl();

    /** The audience of the service JWT sent to key-management-service. */
    @WithDefault("key-management-service")
    String audience();
}
