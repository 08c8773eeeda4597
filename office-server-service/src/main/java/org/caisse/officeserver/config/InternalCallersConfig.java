package org.caisse.officeserver.config;

import java.util.Optional;
import java.util.Set;

import io.smallrye.config.ConfigMapping;

/** Which services may call which internal endpoint (platform contracts, service identity). */
@ConfigMapping(prefix = "caisse.internal")
public interface InternalCallersConfig {

    /**
     * Service names (the token's {@code sub}, equal to its header {@code kid}) allowed to create or replace
     * merchant settings. None by default: the operator API (OIDC) will be the writer.
     */
    Optional<Set<String>> merchantWriters();
}
