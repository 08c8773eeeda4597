package org.caisse.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Makes sure the whole platform runs before a system test: when a service is not ready, starts
 * everything with the launcher ({@code caisse up --no-build}), exactly as a user would.
 */
public final class PlatformUnderTest implements BeforeAllCallback {

    static final PlatformEndpoints PLATFORM = PlatformEndpoints.fromEnvironment();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static volatile boolean ready;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        synchronized (PlatformUnderTest.class) {
            if (ready || allReady()) {
                ready = true;
                return;
            }
            Path launcher = Path.of(System.getProperty("caisse.launcher", "../caisse"));
            if (!Files.isExecutable(launcher)) {
                throw new IllegalStateException("platform not running and no launcher at " + launcher.toAbsolutePath());
            }
            Path output = Path.of("target", "caisse-up.log");
            Files.createDirectories(output.getParent());
            Process up = new ProcessBuilder(launcher.toString(), "up", "--no-build")
                    .redirectErrorStream(true).redirectOutput(output.toFile()).start();
            if (up.waitFor() != 0) {
                throw new IllegalStateException("'caisse up --no-build' failed with exit code " + up.exitValue()
                        + ":\n" + tail(output));
            }
            if (!allReady()) {
                throw new IllegalStateException("'caisse up' returned but a service is not ready");
            }
            ready = true;
        }
    }

    private static String tail(Path output) throws IOException {
        var lines = Files.readAllLines(output);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    }

    static boolean allReady() {
        return Arrays.stream(PLATFORM.all()).allMatch(PlatformUnderTest::isReady);
    }

    static boolean isReady(URI service) {
        return status(service.resolve("/q/health/ready")) == 200;
    }

    static int status(URI uri) {
        try {
            return HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
