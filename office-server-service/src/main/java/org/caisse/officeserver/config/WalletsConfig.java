package org.caisse.officeserver.config;

import java.net.URI;
import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Where the customers' wallets are kept: authorization-service's internal wallet API (its card vault holds the
 * cards). Its own setting so that wallets can be pointed elsewhere (and faked in tests) without the transactions.
 */
@ConfigMapping(prefix = "caisse.wallets")
public interface WalletsConfig {

    /** Base URL of the wallet API; by default authorization-service's. */
    @WithDefault("${caisse.authorization.url}")
    URI url();

    /** Longest wait for one answer; beyond it the wallet call answers 503 / walletResponseCode 90. */
    @WithDefault("${caisse.authorization.timeout}")
    Duration timeout();

    /** The audience of the service JWT sent to it. */
    @WithDefault("${caisse.authorization.audience}")
    String audience();
}
