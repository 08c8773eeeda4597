package org.caisse.paymentpage.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * Plays our two other services the page calls, on a random local port: key-management-service
 * ({@code GET /internal/v1/merchants/{m}/keys/{v}}) and authorization-service
 * ({@code POST /internal/v1/authorizations}). The real services are wired in the end-to-end system test.
 * Tests read what the fake received through {@code GET /test/authorizations} (card data redacted).
 *
 * <p>Keys: version 1 → {@link #secretKey(String)}; 2 → 410 (revoked); 7 → 503 (service failing); else 404.
 * Authorization: the last two digits of the card number are the response code (SIPS.md §8). Failures: a card
 * ending in 99 stores the transaction then answers HTTP 500 (committed, answer lost); 98 answers 500 and stores
 * nothing; 97 answers a 400 problem on field {@code card.number}; 96 answers 500 and makes the transaction lookup of
 * that reference fail (503). {@code GET /internal/v1/merchants/{m}/transactions/{ref}} answers the stored
 * transactions (404 otherwise). {@code PUT /test/transactions/{m}/{ref}} stores a snapshot (its body).
 */
public class FakePlatformServices implements QuarkusTestResourceLifecycleManager {

    private static final ObjectMapper JSON = new ObjectMapper();

    private HttpServer server;
    private final List<Map<String, Object>> authorizations = new ArrayList<>();
    private final Map<String, Map<String, Object>> transactions = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.Set<String> failingLookups = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /** Key lookups answered, per merchant ({@code GET /test/key-fetches/{m}}): tells a cached key from a fetched one. */
    private final Map<String, java.util.concurrent.atomic.AtomicInteger> keyFetches =
            new java.util.concurrent.ConcurrentHashMap<>();

    public static String secretKey(String merchantId) {
        return "KEY-" + merchantId + "-v1";
    }

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/internal/v1/merchants/", this::key);
        server.createContext("/internal/v1/authorizations", this::authorize);
        server.createContext("/test/authorizations", this::recorded);
        server.createContext("/test/transactions/", this::storeTransaction);
        server.createContext("/test/key-fetches/", exchange -> {
            var count = keyFetches.get(exchange.getRequestURI().getPath().substring("/test/key-fetches/".length()));
            send(exchange, 200, Map.of("fetches", count == null ? 0 : count.get()));
        });
        server.start();
        createTopic(TestMerchants.TOPIC);
        String url = "http://127.0.0.1:" + server.getAddress().getPort();
        return Map.of("caisse.key-management.url", url, "caisse.authorization.url", url);
    }

    private static void createTopic(String topic) {
        try (var admin = org.apache.kafka.clients.admin.Admin.create(Map.of("bootstrap.servers", TestMerchants.bootstrap(),
                "default.api.timeout.ms", "5000", "request.timeout.ms", "5000"))) {
            admin.createTopics(List.of(new org.apache.kafka.clients.admin.NewTopic(topic, 1, (short) 1))).all().get();
        } catch (Exception e) {
            // already there (TopicExistsException) or created by the broker on first use
        }
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private void key(HttpExchange exchange) throws IOException {
        String[] parts = exchange.getRequestURI().getPath().split("/");
        if (parts.length > 6 && parts[5].equals("transactions")) {
            transaction(exchange, parts[4], parts[6]);
            return;
        }
        // /internal/v1/merchants/{m}/keys/{v}
        String merchantId = parts[4];
        String version = parts[6];
        keyFetches.computeIfAbsent(merchantId, m -> new java.util.concurrent.atomic.AtomicInteger()).incrementAndGet();
        switch (version) {
            case "1" -> send(exchange, 200, Map.of("merchantId", merchantId, "keyVersion", 1, "status", "ACTIVE",
                    "environment", "TEST", "secretKey", secretKey(merchantId)));
            case "2" -> send(exchange, 410, Map.of("status", "REVOKED"));
            case "3" -> send(exchange, 200, Map.of("merchantId", merchantId, "keyVersion", 3, "status", "ACTIVE",
                    "environment", "PRODUCTION", "secretKey", secretKey(merchantId)));
            case "7" -> send(exchange, 503, Map.of("title", "down"));
            default -> send(exchange, 404, Map.of("title", "unknown key"));
        }
    }

    @SuppressWarnings("unchecked")
    private void authorize(HttpExchange exchange) throws IOException {
        Map<String, Object> body = JSON.readValue(exchange.getRequestBody(), Map.class);
        Map<String, Object> card = (Map<String, Object>) body.get("card");
        String number = String.valueOf(card.get("number"));
        Map<String, Object> recorded = new LinkedHashMap<>(body);
        recorded.put("card", Map.of("last4", number.substring(number.length() - 4),
                "expiryDate", card.get("expiryDate"), "cscPresent", card.get("cscValue") != null));
        recorded.put("authorizationHeader", exchange.getRequestHeaders().getFirst("Authorization"));
        recorded.put("tokenAudience", audienceOf(exchange.getRequestHeaders().getFirst("Authorization")));
        synchronized (authorizations) {
            authorizations.add(recorded);
        }
        String code = number.substring(number.length() - 2);
        String stored = body.get("merchantId") + "/" + body.get("transactionReference");
        switch (code) {
            case "98" -> {
                send(exchange, 500, Map.of("title", "boom"));
                return;
            }
            case "97" -> {
                send(exchange, 400, Map.of("title", "Invalid request", "status", 400, "field", "card.number",
                        "detail", "card.number: " + number));
                return;
            }
            case "96" -> {
                failingLookups.add(stored);
                send(exchange, 500, Map.of("title", "boom"));
                return;
            }
            default -> {
            }
        }
        boolean loseAnswer = code.equals("99");
        if (!List.of("00", "02", "05", "54", "90").contains(code)) {
            code = "00";
        }
        Map<String, Object> snapshot = new LinkedHashMap<>();
        for (String key : List.of("merchantId", "transactionReference", "amount", "currencyCode", "captureMode",
                "captureDay", "orderChannel", "orderId", "returnContext", "customerId", "customerEmail",
                "customerIpAddress", "statementReference", "transactionOrigin", "paymentPattern", "customerLanguage",
                "notification")) {
            if (body.get(key) != null) {
                snapshot.put(key, body.get(key));
            }
        }
        snapshot.put("status", code.equals("00") ? "TO_CAPTURE" : "REFUSED");
        snapshot.put("responseCode", code);
        snapshot.put("acquirerResponseCode", code);
        if (code.equals("00")) {
            snapshot.put("authorisationId", "123456");
        }
        snapshot.put("transactionDateTime", OffsetDateTime.now(ZoneOffset.UTC)
                .format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx")));
        snapshot.put("maskedPan", number.substring(0, 4) + "#".repeat(number.length() - 6) + number.substring(number.length() - 2));
        snapshot.put("panExpiryDate", card.get("expiryDate"));
        snapshot.put("paymentMeanBrand", number.startsWith("5") ? "MASTERCARD" : "VISA");
        snapshot.put("paymentMeanType", "CARD");
        transactions.put(stored, snapshot);
        if (loseAnswer) {
            send(exchange, 500, Map.of("title", "boom"));
            return;
        }
        send(exchange, 200, snapshot);
    }

    private void transaction(HttpExchange exchange, String merchantId, String reference) throws IOException {
        String key = merchantId + "/" + reference;
        if (failingLookups.contains(key)) {
            send(exchange, 503, Map.of("title", "down"));
            return;
        }
        Map<String, Object> snapshot = transactions.get(key);
        if (snapshot == null) {
            send(exchange, 404, Map.of("title", "unknown transaction", "status", 404));
            return;
        }
        send(exchange, 200, Map.of("transaction", snapshot, "operations", List.of()));
    }

    @SuppressWarnings("unchecked")
    private void storeTransaction(HttpExchange exchange) throws IOException {
        // /test/transactions/{m}/{ref}
        String[] parts = exchange.getRequestURI().getPath().split("/");
        String key = parts[3] + "/" + parts[4];
        byte[] body = exchange.getRequestBody().readAllBytes();
        if (body.length == 0) {
            failingLookups.add(key);
        } else {
            failingLookups.remove(key);
            transactions.put(key, JSON.readValue(body, Map.class));
        }
        send(exchange, 200, Map.of("stored", key));
    }

    private void recorded(HttpExchange exchange) throws IOException {
        synchronized (authorizations) {
            send(exchange, 200, Map.of("authorizations", List.copyOf(authorizations)));
        }
    }

    private static String audienceOf(String header) {
        if (header == null || !header.startsWith("Bearer ")) {
            return null;
        }
        String[] parts = header.substring(7).split("\\.");
        try {
            Map<?, ?> claims = JSON.readValue(Base64.getUrlDecoder().decode(parts[1]), Map.class);
            Object aud = claims.get("aud");
            return aud instanceof List<?> list ? String.valueOf(list.get(0)) : String.valueOf(aud);
        } catch (RuntimeException | IOException e) {
            return "unreadable";
        }
    }

    private static void send(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", status >= 400 ? "application/problem+json" : "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
