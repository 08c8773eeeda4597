package org.caisse.officeserver.config;

import java.net.URI;
import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where transactions are read and changed (authorization-service internal API). */
@ConfigMapping(prefix = "caisse.authorization")
public interface AuthorizationConfig {

    /** Base URL of authorization-service. */
    @WithDefault("http://127.0.0.1:8082")
    URI url();

    /** Longest wait for one answer; beyond it the Office call answers 503 / 90. */
    @WithDefault("PT5S")
    Duration timeout();

    /** The audience of the service JWT sent to it. */
    @WithDefault("authorization-service")
    String audience();
}
