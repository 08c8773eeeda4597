package org.caisse.officeserver.config;

import java.net.URI;
import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where merchant seal keys are read (key-management-service internal API). */
@ConfigMapping(prefix = "caisse.key-management")
public interface KeyManagementConfig {

    /** Base URL of key-management-service. */
    @WithDefault("http://127.0.0.1:8085")
    URI url();

    /** How long a key answer (found, unknown or unusable) stays cached. */
    @WithDefault("PT1M")
    Duration cacheTtl();

    /** The audience of the service JWT sent to it. */
    @WithDefault("key-management-service")
    String audience();
}
