package org.caisse.keymanagement.adapter.in.site;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;

/**
 * Starts the application of every {@code @QuarkusTest} of the module (one start, since a second start with another
 * port collides with the metrics of the first) on a free port that the Keycloak client {@code caisse-key-download}
 * accepts as redirect URI for the duration of the test (Keycloak does not accept a wildcard port); removed after.
 */
public class KeySiteOrigin implements QuarkusTestResourceLifecycleManager {

    static volatile int port;
    private String origin;

    @Override
    public Map<String, String> start() {
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (KeycloakAdmin.reachable()) {
            origin = "http://127.0.0.1:" + port;
            new KeycloakAdmin().allowOrigin(origin, true);
        }
        return Map.of("quarkus.http.test-port", Integer.toString(port));
    }

    @Override
    public void stop() {
        if (origin != null) {
            new KeycloakAdmin().allowOrigin(origin, false);
        }
    }
}
