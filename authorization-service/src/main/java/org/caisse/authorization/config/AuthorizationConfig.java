package org.caisse.authorization.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
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

    Remittance remittance();

    Acquirer acquirer();

    Vault vault();

    Risk risk();

    interface Internal {
        /** Services (JWT {@code sub}, equal to the signing key's {@code kid}) allowed on the internal endpoints. */
        @WithDefault("payment-page-service,office-server-service,batch-service")
        Set<String> allowedCallers();

        /** Services allowed to run the remittance at once (the operator API fronts it). */
        @WithDefault("office-server-service")
        Set<String> operators();

        /**
         * Services allowed to change merchant rules ({@code PUT /internal/v1/merchants/{id}/rules}); they may read
         * them too, as may the {@link #allowedCallers()}.
         */
        @WithDefault("office-server-service")
        Set<String> ruleWriters();
    }

    interface Topics {
        /** Topic of the transaction events. */
        @WithDefault("caisse.transactions.v1")
        String transactions();

        /** Topic of the operation commands (from batch-service). */
        @WithDefault("caisse.operations.commands.v1")
        String operationCommands();

        /** Topic of the answers to operation commands. */
        @WithDefault("caisse.operations.results.v1")
        String operationResults();
    }

    interface Remittance {
        /** Whether this instance starts the daily run (any replica may; the lease keeps it to one at a time). */
        @WithDefault("true")
        boolean enabled();

        /** Local time, in {@code caisse.time-zone}, after which the day's remittance runs. */
        @WithDefault("22:00")
        java.time.LocalTime cutOff();

        /** How often an instance checks whether the day's run is due. */
        @WithDefault("60s")
        Duration checkInterval();

        /** Transactions locked per database transaction. */
        @WithDefault("200")
        int batchSize();

        /** Days an authorization holds: later AUTHOR_CAPTURE captures are authorized again before capture. */
        @WithDefault("6")
        int authorizationValidityDays();

        /** Days after authorization beyond which a payment expires instead of being captured. */
        @WithDefault("30")
        int captureValidityDays();

        /** How long the replica running the day's remittance holds it before another may take over. */
        @WithDefault("10m")
        Duration lease();
    }

    interface Acquirer {
        /** Longest wait for the acquirer's answer; beyond it the payment is refused with 90 (issuer unreachable). */
        @WithDefault("10s")
        Duration timeout();
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

        /**
         * How long a published event stays in the outbox table. Kafka keeps the events; the rows only serve support
         * (what was sent, when), and an outbox never pruned grows by about 1.2 KB per event.
         */
        @WithDefault("24h")
        Duration retention();

        /** How often published events older than {@link #retention()} are deleted. */
        @WithDefault("1m")
        Duration pruneInterval();

        /** How many rows one delete statement removes at most (a run repeats it until fewer are left). */
        @WithDefault("5000")
        int pruneBatchSize();
    }

    interface TestAcquirer {
        /** Simulated acquirer latency. */
        @WithDefault("0ms")
        Duration latency();

        /**
         * How long the test acquirer takes to answer a card of the acquirer-timeout scenario (digits 7-8 {@code 03}):
         * longer than the engine's acquirer timeout, so that it fires.
         */
        @WithDefault("20s")
        Duration timeoutScenarioDelay();
    }

    interface Risk {
        /** How long merchant rules read on the authorization path are kept in memory. */
        @WithDefault("5s")
        Duration rulesCacheTtl();

        /**
         * Country of issue by card-number prefix, {@code prefix:COUNTRY} entries (4 to 12 digits, ISO 3166 alpha-2);
         * the longest matching prefix wins, no match → unknown country.
         */
        Optional<List<String>> cardCountries();
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
