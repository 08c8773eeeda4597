package org.caisse.keymanagement.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The demo merchant imported at start-up (the public Sips test merchant, SIPS.md §8). */
@ConfigMapping(prefix = "caisse.demo-merchant")
public interface DemoMerchantConfig {

    /** Import the demo merchant's TEST key at start-up (idempotent). Off in production unless asked for. */
    @WithDefault("false")
    boolean enabled();

    /** The public Sips test merchant. */
    @WithDefault("002001000000001")
    String merchantId();

    @WithDefault("1")
    int keyVersion();

    /** The public Sips test key of that merchant; not a secret. */
    @WithDefault("002001000000001_KEY1")
    String secretKey();
}
