package org.caisse.officeserver.domain.merchant;

import java.util.List;

/**
 * The demo merchant: the public Sips test merchant identity (SIPS.md §8), so existing sample code runs
 * unchanged against a local platform.
 */
public final class DemoMerchant {

    public static final String MERCHANT_ID = "002001000000001";

    private DemoMerchant() {
    }

    public static MerchantSettings settings() {
        return MerchantSettings.withDefaults(
                MERCHANT_ID,
                "Caisse demo shop",
                MerchantMode.TEST,
                List.of("http://localhost:*", "http://127.0.0.1:*", "https://localhost:*", "https://127.0.0.1:*"),
                true,
                List.of("978", "840", "826", "756"),
                List.of("fr", "en", "de", "es", "it", "nl"),
                "fr");
    }
}
