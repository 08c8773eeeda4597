package org.caisse.authorization.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
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

    Risk risk();

    interface Internal {
        /** Services (JWT {@code sub}, equal to the signing key's {@code kid}) allowed on the internal endpoints. */
        @WithDefault("payment-page-service,office-server-service,batch-service")
        Set<String> allowedCallers();

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
}
