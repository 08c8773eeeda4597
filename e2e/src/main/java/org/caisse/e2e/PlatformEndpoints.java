package org.caisse.e2e;

import java.net.URI;

/**
 * Where the running platform answers. Defaults are the local ports of the launcher; each can be
 * overridden with a system property or environment variable so the same scenario runs against a
 * deployed platform.
 */
public record PlatformEndpoints(URI paymentPage, URI authorization, URI officeServer, URI batch,
                                URI keyManagement, URI notification) {

    public static PlatformEndpoints fromEnvironment() {
        return new PlatformEndpoints(
                uri("caisse.payment-page.url", "http://127.0.0.1:8081"),
                uri("caisse.authorization.url", "http://127.0.0.1:8082"),
                uri("caisse.office-server.url", "http://127.0.0.1:8083"),
                uri("caisse.batch.url", "http://127.0.0.1:8084"),
                uri("caisse.key-management.url", "http://127.0.0.1:8085"),
                uri("caisse.notification.url", "http://127.0.0.1:8086"));
    }

    public URI[] all() {
        return new URI[] {paymentPage, authorization, officeServer, batch, keyManagement, notification};
    }

    private static URI uri(String property, String fallback) {
        String env = System.getenv(property.toUpperCase().replace('.', '_').replace('-', '_'));
        return URI.create(System.getProperty(property, env != null ? env : fallback));
    }
}
