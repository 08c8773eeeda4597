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
 *
 * <p>3-D Secure (as authorization-service's README describes it): a card whose digits 7-8 are {@code 60}, sent with
 * {@code threeDSecure.challengeCapable=true}, gets a {@code 60} answer with {@code threeDSecure.authenticationId} and
 * {@code expiresAt} (15 minutes) and no transaction. (authorization-service challenges its scenario {@code 00}; the fake
 * uses its own pair so the other tests' cards keep being answered at once.) {@code POST
 * /internal/v1/authentications/{id}} {@code {merchantId, outcome}} finishes it once: FAILURE → 05 ({@code
 * holderAuthentStatus FAILURE}), CANCELLED → 17 ({@code CANCEL}), SUCCESS / ATTEMPT / ERROR → the last-two-digit
 * rule; unknown, used or another merchant's → 404. Digits 9-10 {@code 97}: the authentication has expired (97, no
 * transaction); {@code 95}: the transaction is stored but the answer is lost (HTTP 500). Each result call takes 300 ms
 * (so two concurrent calls overlap) and is recorded ({@code GET /test/authentications}, no card data).
 */
public class FakePlatformServices implements QuarkusTestResourceLifecycleManager {

    private static final ObjectMapper JSON = new ObjectMapper();

    private HttpServer server;
    private final List<Map<String, Object>> authorizations = new ArrayList<>();
    private final Map<String, Map<String, Object>> transactions = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, Map<String, Object>> pendingAuthentications = new java.util.concurrent.ConcurrentHashMap<>();
    private final List<Map<String, Object>> authenticationCalls = new ArrayList<>();
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
        server.createContext("/internal/v1/authentications/", this::authenticate);
        server.createContext("/test/authentications", exchange -> {
            synchronized (authenticationCalls) {
                send(exchange, 200, Map.of("authentications", List.copyOf(authenticationCalls)));
            }
        });
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
        if (number.length() >= 10 && number.substring(6, 8).equals("60") && body.get("threeDSecure") instanceof Map<?, ?> threeDs
                && Boolean.TRUE.equals(threeDs.get("challengeCapable"))) {
            challenge(exchange, body, number);
            return;
        }
        boolean loseAnswer = code.equals("99");
        Map<String, Object> snapshot = snapshotOf(body, number, code, null);
        transactions.put(stored, snapshot);
        if (loseAnswer) {
            send(exchange, 500, Map.of("title", "boom"));
            return;
        }
        send(exchange, 200, snapshot);
    }

    /** The 60 answer of authorization-service: the request echoed, no transaction, the authentication to complete. */
    private void challenge(HttpExchange exchange, Map<String, Object> body, String number) throws IOException {
        String id = java.util.UUID.randomUUID().toString();
        Map<String, Object> pending = new LinkedHashMap<>(body);
        pending.remove("card");
        pending.put("number", number);
        pendingAuthentications.put(id, pending);
        Map<String, Object> answer = new LinkedHashMap<>();
        for (String key : List.of("merchantId", "transactionReference", "amount", "currencyCode", "captureMode",
                "captureDay", "orderChannel")) {
            answer.put(key, body.get(key));
        }
        answer.put("responseCode", "60");
        answer.put("transactionDateTime", now());
        answer.put("threeDSecure", Map.of("status", "CHALLENGE_REQUIRED", "authenticationId", id,
                "expiresAt", java.time.Instant.now().plusSeconds(900).toString()));
        send(exchange, 200, answer);
    }

    @SuppressWarnings("unchecked")
    private void authenticate(HttpExchange exchange) throws IOException {
        String id = exchange.getRequestURI().getPath().substring("/internal/v1/authentications/".length());
        Map<String, Object> body = JSON.readValue(exchange.getRequestBody(), Map.class);
        Map<String, Object> call = new LinkedHashMap<>(body);
        call.put("authenticationId", id);
        call.put("tokenAudience", audienceOf(exchange.getRequestHeaders().getFirst("Authorization")));
        synchronized (authenticationCalls) {
            authenticationCalls.add(call);
        }
        try {
            Thread.sleep(300);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Map<String, Object> pending = pendingAuthentications.get(id);
        if (pending == null || !pending.get("merchantId").equals(body.get("merchantId"))
                || !pendingAuthentications.remove(id, pending)) {
            send(exchange, 404, Map.of("title", "Not Found", "status", 404));
            return;
        }
        String number = (String) pending.get("number");
        String scenario = number.substring(8, 10);
        if (scenario.equals("97")) {
            Map<String, Object> expired = new LinkedHashMap<>();
            for (String key : List.of("merchantId", "transactionReference", "amount", "currencyCode")) {
                expired.put(key, pending.get(key));
            }
            expired.put("responseCode", "97");
            expired.put("transactionDateTime", now());
            send(exchange, 200, expired);
            return;
        }
        String outcome = String.valueOf(body.get("outcome"));
        String code = switch (outcome) {
            case "FAILURE" -> "05";
            case "CANCELLED" -> "17";
            default -> number.substring(number.length() - 2);
        };
        Map<String, Object> snapshot = snapshotOf(pending, number, code,
                outcome.equals("CANCELLED") ? "CANCEL" : outcome);
        transactions.put(pending.get("merchantId") + "/" + pending.get("transactionReference"), snapshot);
        if (scenario.equals("95")) {
            send(exchange, 500, Map.of("title", "boom"));
            return;
        }
        send(exchange, 200, snapshot);
    }

    private static Map<String, Object> snapshotOf(Map<String, Object> body, String number, String code,
                                                  String holderAuthentStatus) {
        if (!List.of("00", "02", "05", "17", "54", "90").contains(code)) {
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
        snapshot.put("transactionDateTime", now());
        snapshot.put("maskedPan", number.substring(0, 4) + "#".repeat(number.length() - 6) + number.substring(number.length() - 2));
        if (body.get("card") instanceof Map<?, ?> card) {
            snapshot.put("panExpiryDate", card.get("expiryDate"));
        }
        snapshot.put("paymentMeanBrand", body.get("paymentMeanBrand") != null ? body.get("paymentMeanBrand")
                : number.startsWith("5") ? "MASTERCARD" : "VISA");
        snapshot.put("paymentMeanType", "CARD");
        if (holderAuthentStatus != null) {
            snapshot.put("holderAuthentStatus", holderAuthentStatus);
        }
        return snapshot;
    }

    private static String now() {
        return OffsetDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx"));
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
