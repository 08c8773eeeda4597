package org.caisse.authorization.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;

/** Settings of the authorization service, under {@code caisse.*}. */
@ConfigMapping(prefix = "caisse")
public interface AuthorizationConfig {

    /** Zone of the dates shown in snapshots and of the capture limit date. */
    @WithDefault("Europe/Paris")
    ZoneId timeZone();

    /** Folder of the local secrets (service JWT keys); the JWT properties read it. */
    Optional<String> secretsDir();

    /** Which test infrastructure the build selected ({@code local} or {@code containers}); read by tests only. */
    Optional<String> infra();

    Internal internal();

    Topics topics();

    Outbox outbox();

    TestAcquirer testAcquirer();

    Vault vault();

    interface Internal {
        /** Services (JWT {@code sub}, equal to the signing key's {@code kid}) allowed on the internal endpoints. */
        @WithDefault("payment-page-service,office-server-service,batch-service")
        Set<String> allowedCallers();
    }

    interface Topics {
        /** Topic of the transaction events. */
        @WithDefault("caisse.transactions.v1")
        String transactions();
    }

    interface Outbox {
        /** How often the relay looks for unpublished events (a Vert.x timer: sub-second intervals work). */
        @WithDefault("200ms")
        Duration relayInterval();

        /** How many events one relay run publishes at most. */
        @WithDefault("100")
        int batchSize();

        /** How often the outbox lag gauge ({@code caisse_outbox_unpublished}) is refreshed. */
        @WithDefault("5s")
        Duration lagRefreshInterval();

        /** Whether the relay runs at all (disable on replicas that should only serve requests). */
        @WithDefault("true")
        boolean enabled();
    }

    interface TestAcquirer {
        /** Simulated acquirer latency. */
        @WithDefault("0ms")
        Duration latency();
    }

    interface Vault {
        /**
         * The card vault's key-encryption key: 32 random bytes, base64, never in the database
         * ({@code ${caisse.secrets-dir}/kek/authorization-service.kek}).
         */
        Path keyEncryptionKeyFile();

        /**
         * The card vault's lookup key (keyed hashes: fingerprints, card ids, tokens): 32 random bytes, base64
         * ({@code ${caisse.secrets-dir}/vault/authorization-service.lookup.key}). Distinct from the KEK.
         */
        Path lookupKeyFile();
    }
}
