package org.caisse.officeserver.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How this service identifies itself to the others (service JWTs, CloudEvents source). */
@ConfigMapping(prefix = "caisse.service")
public interface ServiceIdentityConfig {

    /** Service name: JWT {@code iss}/{@code sub}/{@code kid} and CloudEvents source {@code /caisse/<name>}. */
    @WithDefault("office-server-service")
    String name();

    /** Lifetime of a service JWT; tokens are renewed a minute before they expire. */
    @WithDefault("PT5M")
    Duration tokenLifetime();
}
