package org.caisse.authorization.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import com.nimbusds.jose.jwk.ECKey;

/**
 * A stand-in for key-management-service's CSE private-key endpoint, on the JDK HTTP server: it answers
 * {@code GET /internal/v1/merchants/{m}/cse-keys/{kid}} as docs/platform-contracts.md says (200 with
 * {@code privateJwk}, 404 unknown or another merchant's kid, 410 with {@code status} for an unusable key), and by
 * default accepts only a genuine service JWT of {@code authorization-service} for {@code key-management-service}
 * (signature checked against {@code jwt/jwks.json} of the local secrets), else 401.
 *
 * <p>{@link #shared()} is the instance every {@code @QuarkusTest} of this module talks to
 * ({@link FakeKeyManagementResource} points {@code caisse.key-management.url} at it).
 */
public final class FakeKeyManagement implements AutoCloseable {

    private static final String PREFIX = "/internal/v1/merchants/";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static FakeKeyManagement shared;

    private record Key(ECKey privateKey, String status, Instant notAfter) {
    }

    private final HttpServer server;
    private final Map<String, Key> keys = new ConcurrentHashMap<>();
    private final AtomicInteger requests = new AtomicInteger();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private volatile Predicate<String> tokenCheck = FakeKeyManagement::isGenuineAuthorizationServiceToken;
    private volatile Integer forcedStatus;
    private volatile Duration delay = Duration.ZERO;
    private volatile String forcedBody;

    private FakeKeyManagement() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "fake-key-management");
            thread.setDaemon(true);
            return thread;
        }));
        server.start();
    }

    /** A new server on a free loopback port; close it after use. */
    public static FakeKeyManagement start() {
        return new FakeKeyManagement();
    }

    /** The one server of the {@code @QuarkusTest}s, started on first use and left running for the JVM. */
    public static synchronized FakeKeyManagement shared() {
        if (shared == null) {
            shared = new FakeKeyManagement();
        }
        return shared;
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Serves {@code privateKey} (its kid) to the merchant as {@code ACTIVE}. */
    public FakeKeyManagement register(String merchantId, ECKey privateKey) {
        return register(merchantId, privateKey, "ACTIVE", null);
    }

    /** Serves the key with a status; {@code DEACTIVATED}, or a {@code notAfter} in the past, answers 410. */
    public FakeKeyManagement register(String merchantId, ECKey privateKey, String status, Instant notAfter) {
        keys.put(merchantId + "/" + privateKey.getKeyID(), new Key(privateKey, status, notAfter));
        return this;
    }

    /** Replaces every answer by this status and body (null: back to normal). */
    public FakeKeyManagement answerAlways(Integer status, String body) {
        this.forcedStatus = status;
        this.forcedBody = body;
        return this;
    }

    public FakeKeyManagement delayAnswers(Duration delay) {
        this.delay = delay;
        return this;
    }

    public FakeKeyManagement acceptTokens(Predicate<String> check) {
        this.tokenCheck = check;
        return this;
    }

    public int requestCount() {
        return requests.get();
    }

    /** The {@code Authorization} headers received, in order. */
    public List<String> authorizations() {
        return List.copyOf(authorizations);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            requests.incrementAndGet();
            if (!delay.isZero()) {
                Thread.sleep(delay.toMillis());
            }
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            authorizations.add(String.valueOf(authorization));
            if (forcedStatus != null) {
                send(exchange, forcedStatus, forcedBody == null ? "{}" : forcedBody);
                return;
            }
            if (authorization == null || !authorization.startsWith("Bearer ")
                    || !tokenCheck.test(authorization.substring("Bearer ".length()))) {
                send(exchange, 401, "");
                return;
            }
            String path = exchange.getRequestURI().getPath();
            String[] parts = path.startsWith(PREFIX) ? path.substring(PREFIX.length()).split("/") : new String[0];
            if (!"GET".equals(exchange.getRequestMethod()) || parts.length != 3 || !"cse-keys".equals(parts[1])) {
                send(exchange, 404, problem(404, "Not found"));
                return;
            }
            Key key = keys.get(parts[0] + "/" + parts[2]);
            if (key == null) {
                send(exchange, 404, problem(404, "Unknown CSE key"));
                return;
            }
            boolean usable = !"DEACTIVATED".equals(key.status())
                    && (key.notAfter() == null || Instant.now().isBefore(key.notAfter()));
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("merchantId", parts[0]);
            body.put("kid", parts[2]);
            body.put("status", key.status());
            body.put("notAfter", key.notAfter() == null ? null : key.notAfter().toString());
            if (usable) {
                body.put("createdAt", Instant.now().toString());
                body.put("privateJwk", key.privateKey().toJSONObject());
                send(exchange, 200, JSON.writeValueAsString(body));
            } else {
                body.put("httpStatus", 410);
                body.put("title", "CSE key no longer usable");
                send(exchange, 410, JSON.writeValueAsString(body));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String problem(int status, String title) {
        return "{\"type\":\"urn:caisse:problem:test\",\"title\":\"" + title + "\",\"status\":" + status + "}";
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type",
                status == 200 ? "application/json" : "application/problem+json");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
    }

    /** What key-management-service checks: RS256 by authorization-service's key, for key-management-service. */
    static boolean isGenuineAuthorizationServiceToken(String token) {
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            String kid = jwt.getHeader().getKeyID();
            Path secrets = Path.of(System.getProperty("caisse.secrets-dir",
                    System.getenv().getOrDefault("CAISSE_SECRETS_DIR", "../.caisse/secrets")));
            RSAKey key = JWKSet.load(secrets.resolve("jwt/jwks.json").toFile()).getKeyByKeyId(kid).toRSAKey();
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            return jwt.verify(new RSASSAVerifier(key))
                    && "authorization-service".equals(kid)
                    && "authorization-service".equals(claims.getSubject())
                    && "caisse".equals(claims.getIssuer())
                    && claims.getAudience().contains("key-management-service")
                    && claims.getStringListClaim("groups").contains("service")
                    && claims.getExpirationTime().after(new Date());
        } catch (Exception e) {
            return false;
        }
    }
}
