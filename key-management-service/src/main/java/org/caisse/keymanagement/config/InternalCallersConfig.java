package org.caisse.keymanagement.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Set;

/** Which services may call the internal key fetch (platform contracts, service identity). */
@ConfigMapping(prefix = "caisse.internal")
public interface InternalCallersConfig {

    /**
     * Service names (the token's {@code sub}, equal to its header {@code kid}) allowed to fetch merchant keys:
     * the services that verify or produce seals.
     */
    @WithDefault("payment-page-service,office-server-service,notification-service,batch-service")
    Set<String> allowedCallers();
}
