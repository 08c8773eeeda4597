package org.caisse.keymanagement.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;
import java.util.Set;

/** Which services may call which internal endpoint (platform contracts, service identity). */
@ConfigMapping(prefix = "caisse.internal")
public interface InternalCallersConfig {

    /**
     * Service names (the token's {@code sub}, equal to its header {@code kid}) allowed to fetch merchant keys:
     * the services that verify or produce seals.
     */
    @WithDefault("payment-page-service,office-server-service,notification-service,batch-service")
    Set<String> allowedCallers();

    /**
     * Services allowed to generate CSE key pairs ({@code POST /internal/v1/merchants/{m}/cse-keys}). None by
     * default: the key management site (OIDC) comes later; tests allow their caller.
     */
    Optional<Set<String>> cseKeyGenerators();

    /** Services allowed to fetch a CSE private key: only the one that decrypts card data. */
    @WithDefault("authorization-service")
    Set<String> cseKeyReaders();

    /** Services allowed to run a KEK rewrap ({@code POST /internal/v1/kek/rewrap}). None by default. */
    Optional<Set<String>> kekOperators();

    /**
     * Services allowed to rotate a merchant's seal key ({@code POST /internal/v1/merchants/{m}/keys/rotations}).
     * None by default; the local platform allows the identity its benches use.
     */
    Optional<Set<String>> keyRotators();

    /**
     * Services allowed to take the one-time download of a version's secret
     * ({@code POST /internal/v1/merchants/{m}/keys/{v}/download}). None by default: merchants download through the
     * key site; the local platform allows the identity its benches use.
     */
    Optional<Set<String>> keyDownloaders();
}
