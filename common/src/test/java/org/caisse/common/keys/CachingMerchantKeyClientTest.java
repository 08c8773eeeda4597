package org.caisse.common.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Against a real HTTP server (the JDK's) playing key-management-service. */
class CachingMerchantKeyClientTest {

    record Answer(int status, String body, long delayMillis) {
    }

    private HttpServer server;
    private URI base;
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::handle);
        server.start();
        base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getRawPath();
        hits.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
        authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
        Answer answer = answers.getOrDefault(path, new Answer(404, "{\"status\":404}", 0));
        try {
            Thread.sleep(answer.delayMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            exchange.getResponseBody().write(body);
        }
        exchange.close();
    }

    private static String path(String merchantId, int version) {
        return "/internal/v1/merchants/" + merchantId + "/keys/" + version;
    }

    private static String keyJson(String merchantId, int version, String secret, String notAfter) {
        return "{\"merchantId\":\"" + merchantId + "\",\"keyVersion\":" + version + ",\"status\":\"ACTIVE\","
                + "\"environment\":\"TEST\",\"secretKey\":\"" + secret + "\",\"notAfter\":"
                + (notAfter == null ? "null" : "\"" + notAfter + "\"") + "}";
    }

    private int hitsOf(String path) {
        AtomicInteger count = hits.get(path);
        return count == null ? 0 : count.get();
    }

    private CachingMerchantKeyClient client(Duration ttl) {
        return new CachingMerchantKeyClient(base, () -> "token-1", ttl);
    }

    private static KeyLookup get(java.util.concurrent.CompletionStage<KeyLookup> stage) throws Exception {
        return stage.toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void foundKeyIsReadWithTheBearerTokenAndCached() throws Exception {
        answers.put(path("002001000000001", 1), new Answer(200,
                keyJson("002001000000001", 1, "002001000000001_KEY1", "2099-01-01T00:00:00Z"), 0));
        CachingMerchantKeyClient client = client(Duration.ofMinutes(5));

        KeyLookup first = get(client.find("002001000000001", 1));
        KeyLookup second = get(client.find("002001000000001", 1));

        assertThat(first).isInstanceOf(KeyLookup.Found.class);
        MerchantKey key = ((KeyLookup.Found) first).key();
        assertThat(key.secretKey()).isEqualTo("002001000000001_KEY1");
        assertThat(key.keyVersion()).isEqualTo(1);
        assertThat(key.status()).isEqualTo("ACTIVE");
        assertThat(key.environment()).isEqualTo("TEST");
        assertThat(key.notAfter()).isEqualTo(Instant.parse("2099-01-01T00:00:00Z"));
        assertThat(key.toString()).doesNotContain("002001000000001_KEY1");
        assertThat(second).isEqualTo(first);
        assertThat(hitsOf(path("002001000000001", 1))).isEqualTo(1);
        assertThat(authorizations).containsExactly("Bearer token-1");
    }

    @Test
    void unknownKeyIs404AndUnusableIs410WithItsStatus() throws Exception {
        answers.put(path("002001000000002", 3), new Answer(410, "{\"status\":\"DEACTIVATED\"}", 0));
        CachingMerchantKeyClient client = client(Duration.ofMinutes(5));
        assertThat(get(client.find("002001000000001", 9))).isEqualTo(new KeyLookup.Unknown());
        assertThat(get(client.find("002001000000002", 3))).isEqualTo(new KeyLookup.Unusable("DEACTIVATED"));
        // Cached too (for at most 30 s).
        get(client.find("002001000000001", 9));
        get(client.find("002001000000002", 3));
        assertThat(hitsOf(path("002001000000001", 9))).isEqualTo(1);
        assertThat(hitsOf(path("002001000000002", 3))).isEqualTo(1);
    }

    @Test
    void aReferenceTheKeyServiceRefusesAs400IsUnknownNotUnavailable() throws Exception {
        answers.put(path("002001000000001", 0), new Answer(400,
                "{\"status\":400,\"title\":\"Bad Request\"}", 0));
        CachingMerchantKeyClient client = client(Duration.ofMinutes(5));
        assertThat(get(client.find("002001000000001", 0))).isEqualTo(new KeyLookup.Unknown());
    }

    @Test
    void concurrentMissesShareOneRequest() throws Exception {
        answers.put(path("002001000000001", 1), new Answer(200,
                keyJson("002001000000001", 1, "k", null), 300));
        CachingMerchantKeyClient client = client(Duration.ofMinutes(5));
        List<CompletableFuture<KeyLookup>> futures = new ArrayList<>();
        CountDownLatch start = new CountDownLatch(1);
        var pool = Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<CompletableFuture<KeyLookup>>> submitted = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                submitted.add(pool.submit(() -> {
                    start.await();
                    return client.find("002001000000001", 1).toCompletableFuture();
                }));
            }
            start.countDown();
            for (var f : submitted) {
                futures.add(f.get(10, TimeUnit.SECONDS));
            }
            for (CompletableFuture<KeyLookup> future : futures) {
                assertThat(future.get(10, TimeUnit.SECONDS)).isInstanceOf(KeyLookup.Found.class);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(hitsOf(path("002001000000001", 1))).isEqualTo(1);
    }

    @Test
    void aCallerCompletingItsStageDoesNotPoisonTheCache() throws Exception {
        answers.put(path("002001000000001", 1), new Answer(200, keyJson("002001000000001", 1, "k", null), 200));
        CachingMerchantKeyClient client = client(Duration.ofMinutes(5));
        client.find("002001000000001", 1).toCompletableFuture().complete(new KeyLookup.Unknown());
        assertThat(get(client.find("002001000000001", 1))).isInstanceOf(KeyLookup.Found.class);
    }

    @Test
    void entriesExpireAfterTheTtlAndInvalidateForgetsAMerchant() throws Exception {
        answers.put(path("002001000000001", 1), new Answer(200, keyJson("002001000000001", 1, "old", null), 0));
        CachingMerchantKeyClient client = client(Duration.ofMillis(200));
        get(client.find("002001000000001", 1));
        Thread.sleep(300);
        answers.put(path("002001000000001", 1), new Answer(200, keyJson("002001000000001", 1, "new", null), 0));
        assertThat(((KeyLookup.Found) get(client.find("002001000000001", 1))).key().secretKey()).isEqualTo("new");
        assertThat(hitsOf(path("002001000000001", 1))).isEqualTo(2);

        CachingMerchantKeyClient longLived = client(Duration.ofMinutes(5));
        get(longLived.find("002001000000001", 1));
        answers.put(path("002001000000001", 1), new Answer(410, "{\"status\":\"REVOKED\"}", 0));
        assertThat(get(longLived.find("002001000000001", 1))).isInstanceOf(KeyLookup.Found.class);
        longLived.invalidate("002001000000001");
        assertThat(get(longLived.find("002001000000001", 1))).isEqualTo(new KeyLookup.Unusable("REVOKED"));
    }

    @Test
    void aKeyPastNotAfterIsNotServedFromTheCache() throws Exception {
        String soon = Instant.now().plusMillis(300).toString();
        answers.put(path("002001000000001", 1), new Answer(200, keyJson("002001000000001", 1, "k", soon), 0));
        CachingMerchantKeyClient client = client(Duration.ofMinutes(5));
        get(client.find("002001000000001", 1));
        Thread.sleep(400);
        answers.put(path("002001000000001", 1), new Answer(410, "{\"status\":\"EXPIRED\"}", 0));
        assertThat(get(client.find("002001000000001", 1))).isEqualTo(new KeyLookup.Unusable("EXPIRED"));
    }

    @Test
    void otherStatusesAndBadBodiesFailAsUnavailableAndAreNotCached() throws Exception {
        answers.put(path("002001000000001", 1), new Answer(500, "{}", 0));
        answers.put(path("002001000000001", 2), new Answer(200, "not json", 0));
        answers.put(path("002001000000001", 3), new Answer(401, "", 0));
        answers.put(path("002001000000001", 4), new Answer(200, "{\"merchantId\":\"002001000000001\"}", 0));
        CachingMerchantKeyClient client = client(Duration.ofMinutes(5));
        for (int version = 1; version <= 4; version++) {
            int v = version;
            assertThatThrownBy(() -> get(client.find("002001000000001", v)))
                    .isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(KeyServiceUnavailableException.class);
        }
        answers.put(path("002001000000001", 1), new Answer(200, keyJson("002001000000001", 1, "k", null), 0));
        assertThat(get(client.find("002001000000001", 1))).isInstanceOf(KeyLookup.Found.class);
        assertThat(hitsOf(path("002001000000001", 1))).isEqualTo(2);
    }

    @Test
    void anUnreachableServiceFailsAsUnavailable() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        CachingMerchantKeyClient client = new CachingMerchantKeyClient(
                URI.create("http://127.0.0.1:" + closedPort), () -> null, Duration.ofMinutes(1));
        assertThatThrownBy(() -> get(client.find("002001000000001", 1)))
                .isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(KeyServiceUnavailableException.class);
    }

    @Test
    void aSlowServiceTimesOutAsUnavailable() throws Exception {
        answers.put(path("002001000000001", 1), new Answer(200, keyJson("002001000000001", 1, "k", null), 4_000));
        CachingMerchantKeyClient client = client(Duration.ofMinutes(1));
        long start = System.nanoTime();
        assertThatThrownBy(() -> get(client.find("002001000000001", 1)))
                .isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(KeyServiceUnavailableException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(3_900));
    }

    @Test
    void merchantIdIsEncodedInThePath() throws Exception {
        CachingMerchantKeyClient client = client(Duration.ofMinutes(1));
        assertThat(get(client.find("../admin", 1))).isEqualTo(new KeyLookup.Unknown());
        assertThat(hits.keySet()).contains("/internal/v1/merchants/..%2Fadmin/keys/1");
    }
}
