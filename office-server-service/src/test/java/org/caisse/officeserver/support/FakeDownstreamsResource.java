package org.caisse.officeserver.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** Starts {@link FakeDownstreams} and points the service at it. */
public class FakeDownstreamsResource implements QuarkusTestResourceLifecycleManager {

    private FakeDownstreams fakes;

    @Override
    public Map<String, String> start() {
        try {
            fakes = new FakeDownstreams();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        fakes.start();
        return Map.of(
                "caisse.key-management.url", fakes.keysUrl(),
                "caisse.authorization.url", fakes.authorizationUrl(),
                "caisse.authorization.timeout", "PT5S",
                "caisse.outbox.interval", "1s");
    }

    @Override
    public void stop() {
        if (fakes != null) {
            fakes.stop();
        }
    }
}
