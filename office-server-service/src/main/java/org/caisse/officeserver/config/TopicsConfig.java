package org.caisse.officeserver.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Kafka topic names ({@code %test} prefixes them with {@code test.}). */
@ConfigMapping(prefix = "caisse.topics")
public interface TopicsConfig {

    /** The compacted topic of merchant settings, keyed by merchantId. */
    @WithDefault("caisse.merchants.v1")
    String merchants();

    /** Key events of key-management-service, keyed by merchantId (read by the {@code key-events} channel). */
    @WithDefault("caisse.keys.v1")
    String keys();

    /** Transaction events of authorization-service, keyed by merchantId:transactionReference (read model). */
    @WithDefault("caisse.transactions.v1")
    String transactions();
}
