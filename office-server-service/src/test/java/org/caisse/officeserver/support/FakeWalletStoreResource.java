package org.caisse.officeserver.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** Starts {@link FakeWalletStore} and points the wallet services at it ({@code caisse.wallets.url}). */
public class FakeWalletStoreResource implements QuarkusTestResourceLifecycleManager {

    private FakeWalletStore fake;

    @Override
    public Map<String, String> start() {
        try {
            fake = new FakeWalletStore();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        fake.start();
        return Map.of("caisse.wallets.url", fake.url(), "caisse.wallets.timeout", "PT5S");
    }

    @Override
    public void stop() {
        if (fake != null) {
            fake.stop();
        }
    }
}
