package org.caisse.officeserver.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Seeding of the demo merchant 002001000000001 at start. */
@ConfigMapping(prefix = "caisse.demo-merchant")
public interface DemoMerchantConfig {

    /** Upsert (and publish, when changed) the demo merchant at start. */
    @WithDefault("false")
    boolean enabled();
}
