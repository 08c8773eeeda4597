package org.caisse.paymentpage.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.net.URI;
import java.time.Duration;

/** Settings of the hosted payment page. */
@ConfigMapping(prefix = "caisse")
public interface PaymentPageConfig {

    /** Folder of the service secrets (service JWT signing key). */
    @WithName("secrets-dir")
    String secretsDir();

    /** Kafka topic names. */
    Topics topics();

    /** The hosted page session. */
    Session session();

    @WithName("key-management")
    KeyManagement keyManagement();

    Authorization authorization();

    interface Topics {
        /** Merchant settings events (compacted), consumed into the local cache. */
        String merchants();
    }

    interface Session {
        /** How long a shopper has from the merchant's POST to the card submission (Sips: 15 minutes, then 97). */
        @WithDefault("15M")
        Duration ttl();
    }

    interface KeyManagement {
        /** Base URL of key-management-service. */
        @WithDefault("http://127.0.0.1:8085")
        URI url();

        /** How long a fetched key is cached. */
        @WithName("cache-ttl")
        @WithDefault("5M")
        Duration cacheTtl();
    }

    interface Authorization {
        /** Base URL of authorization-service (also configured on the REST client). */
        @WithDefault("http://127.0.0.1:8082")
        URI url();
    }
}
