package org.caisse.keymanagement.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Kafka topic names ({@code %test} prefixes them with {@code test.}). */
@ConfigMapping(prefix = "caisse.topics")
public interface TopicsConfig {

    /** Key lifecycle events, keyed by merchantId (published by the rotation feature). */
    @WithDefault("caisse.keys.v1")
    String keys();
}
