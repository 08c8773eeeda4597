package org.caisse.officeserver.support;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Plays key-management-service and authorization-service (our own services, reached over HTTP) in
 * the tests, with JDK HttpServers. Tests talk to it over HTTP only (the {@code /_test/} endpoints), so
 * it works whatever class loader the test runs in.
 * <ul>
 * <li>keys: merchant {@link #MERCHANT} (and {@link #OTHER_MERCHANT}) version 1 → {@code <merchantId>_KEY1};
 * version 2 → 410 DEACTIVATED; other versions → 404; merchant {@link #KEYLESS_MERCHANT} → 500.</li>
 * <li>transactions: every reference starting with {@code KNOWN} exists for {@link #MERCHANT} only
 * (1000 EUR cents, TO_CAPTURE); references starting with {@code DOWN} answer 503; references starting with
 * {@code SLOW} exist too but are answered after {@link #SLOW_MILLIS} ms.</li>
 * <li>{@code GET /_test/key-fetches/{merchantId}} on the keys fake: how many key lookups it answered for that
 * merchant (to tell a cached key from a fetched one).</li>
 * <li>every call needs a bearer JWT whose {@code aud} names the service played, else 401.</li>
 * </ul>
 */
public final class FakeDownstreams {

    public static final String MERCHANT = "002001000000001";
    public static final String MERCHANT_KEY = "002001000000001_KEY1";
    public static final String OTHER_MERCHANT = "002001000000002";
    public static final String OTHER_MERCHANT_KEY = "002001000000002_KEY1";
    public static final String KEYLESS_MERCHANT = "002001000000099";
    /** A merchant whose key version 1 is tagged TEST (as every key here); the test sets its mode. */
    public static final String LIVE_MERCHANT = "002001000000077";
    public static final String LIVE_MERCHANT_KEY = "002001000000077_KEY1";

    private static final Pattern KEY_PATH = Pattern.compile("/internal/v1/merchants/([^/]+)/keys/([^/]+)");
    private static final Pattern TX_PATH = Pattern.compile(
            "/internal/v1/merchants/([^/]+)/transactions/([^/]+?)(/cancel)?");
    private static final ObjectMapper JSON = new ObjectMapper();
    public static final long SLOW_MILLIS = 1500;

    private final HttpServer keys;
    private final HttpServer authorization;
    /** Calls received by the authorization fake, per transaction reference. */
    private final Map<String, AtomicInteger> callsByReference = new ConcurrentHashMap<>();
    private final Map<String, Long> currentAmounts = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Object>> answersByOperationId = new ConcurrentHashMap<>();
    private final Map<String, String> lastCallPathByReference = new ConcurrentHashMap<>();
    /** Key lookups received by the keys fake, per merchant. */
    private final Map<String, AtomicInteger> keyFetchesByMerchant = new ConcurrentHashMap<>();
    /** Orders, duplicates, credits, validations and refunds (see {@link FakePayments}). */
    private final FakePayments payments = new FakePayments(exchange -> hasAudience(exchange, "authorization-service"));

    public FakeDownstreams() throws IOException {
        keys = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        keys.createContext("/", this::handleKeys);
        keys.setExecutor(Executors.newFixedThreadPool(4));
        authorization = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        authorization.createContext("/", this::handleAuthorization);
        authorization.setExecutor(Executors.newFixedThreadPool(4));
    }

    public void start() {
        keys.start();
        authorization.start();
    }

    public void stop() {
        keys.stop(0);
        authorization.stop(0);
    }

    public String keysUrl() {
        return "http://127.0.0.1:" + keys.getAddress().getPort();
    }

    public String authorizationUrl() {
        return "http://127.0.0.1:" + authorization.getAddress().getPort();
    }

    private void handleKeys(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (path.startsWith("/_test/key-fetches/")) {
                AtomicInteger count = keyFetchesByMerchant.get(path.substring("/_test/key-fetches/".length()));
                respond(exchange, 200, Map.of("fetches", count == null ? 0 : count.get()));
                return;
            }
            if (!hasAudience(exchange, "key-management-service")) {
                respond(exchange, 401, Map.of("title", "Unauthorized"));
                return;
            }
            Matcher matcher = KEY_PATH.matcher(exchange.getRequestURI().getPath());
            if (!matcher.matches() || !"GET".equals(exchange.getRequestMethod())) {
                respond(exchange, 404, Map.of("title", "Not Found"));
                return;
            }
            String merchantId = matcher.group(1);
            String version = matcher.group(2);
            keyFetchesByMerchant.computeIfAbsent(merchantId, m -> new AtomicInteger()).incrementAndGet();
            if (merchantId.equals(KEYLESS_MERCHANT)) {
                respond(exchange, 500, Map.of("title", "Internal Server Error"));
                return;
            }
            String secret = merchantId.equals(MERCHANT) ? MERCHANT_KEY
                    : merchantId.equals(OTHER_MERCHANT) ? OTHER_MERCHANT_KEY
                    : merchantId.equals(LIVE_MERCHANT) ? LIVE_MERCHANT_KEY : null;
            if (secret == null || !(version.equals("1") || version.equals("2"))) {
                respond(exchange, 404, Map.of("title", "Not Found"));
            } else if (version.equals("2")) {
                respond(exchange, 410, Map.of("title", "Gone", "status", "DEACTIVATED"));
            } else {
                Map<String, Object> key = new LinkedHashMap<>();
                key.put("merchantId", merchantId);
                key.put("keyVersion", 1);
                key.put("status", "ACTIVE");
                key.put("environment", "TEST");
                key.put("secretKey", secret);
                key.put("notAfter", null);
                respond(exchange, 200, key);
            }
        }
    }

    private void handleAuthorization(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (payments.handle(exchange)) {
                return;
            }
            if (path.startsWith("/_test/calls/")) {
                String reference = path.substring("/_test/calls/".length());
                AtomicInteger count = callsByReference.get(reference);
                respond(exchange, 200, Map.of("calls", count == null ? 0 : count.get(),
                        "lastPath", lastCallPathByReference.getOrDefault(reference, ""),
                        "currentAmount", currentAmounts.getOrDefault(reference, 1000L)));
                return;
            }
            if (!hasAudience(exchange, "authorization-service")) {
                respond(exchange, 401, Map.of("title", "Unauthorized"));
                return;
            }
            Matcher matcher = TX_PATH.matcher(path);
            if (!matcher.matches()) {
                respond(exchange, 404, Map.of("title", "Not Found"));
                return;
            }
            String merchantId = matcher.group(1);
            String reference = matcher.group(2);
            boolean cancel = matcher.group(3) != null;
            callsByReference.computeIfAbsent(reference, r -> new AtomicInteger()).incrementAndGet();
            lastCallPathByReference.put(reference, path);
            if (reference.startsWith("DOWN")) {
                respond(exchange, 503, Map.of("title", "Service Unavailable"));
                return;
            }
            if (reference.startsWith("SLOW")) {
                try {
                    Thread.sleep(SLOW_MILLIS);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
            boolean exists = merchantId.equals(MERCHANT)
                    && (reference.startsWith("KNOWN") || reference.startsWith("SLOW"));
            if (!cancel && "GET".equals(exchange.getRequestMethod())) {
                if (!exists) {
                    respond(exchange, 404, Map.of("title", "Not Found"));
                    return;
                }
                respond(exchange, 200, Map.of("transaction", snapshot(merchantId, reference),
                        "operations", List.of(Map.of("name", "AUTHORIZATION", "amount", 1000,
                                "dateTime", "2026-11-23T12:00:00+01:00", "responseCode", "00"))));
            } else if (cancel && "POST".equals(exchange.getRequestMethod())) {
                Map<?, ?> body = JSON.readValue(readAll(exchange.getRequestBody()), Map.class);
                if (!exists) {
                    respond(exchange, 200, Map.of("responseCode", "25"));
                    return;
                }
                respond(exchange, 200, cancel(merchantId, reference, body));
            } else {
                respond(exchange, 405, Map.of("title", "Method Not Allowed"));
            }
        }
    }

    private synchronized Map<String, Object> cancel(String merchantId, String reference, Map<?, ?> body) {
        String operationId = String.valueOf(body.get("operationId"));
        Map<String, Object> replay = answersByOperationId.get(operationId);
        if (replay != null) {
            return replay;
        }
        long amount = ((Number) body.get("amount")).longValue();
        long current = currentAmounts.getOrDefault(reference, 1000L);
        Map<String, Object> answer = new LinkedHashMap<>();
        if (!"978".equals(body.get("currencyCode"))) {
            answer.put("responseCode", "12");
        } else if (amount > current) {
            answer.put("responseCode", "24");
        } else {
            long newAmount = current - amount;
            currentAmounts.put(reference, newAmount);
            answer.put("responseCode", "00");
            answer.put("newAmount", newAmount);
            answer.put("newStatus", newAmount == 0 ? "CANCELLED" : "TO_CAPTURE");
            answer.put("operationDateTime", "2026-11-23T12:30:00+01:00");
            answer.put("transaction", snapshot(merchantId, reference));
        }
        answersByOperationId.put(operationId, answer);
        return answer;
    }

    private Map<String, Object> snapshot(String merchantId, String reference) {
        long current = currentAmounts.getOrDefault(reference, 1000L);
        Map<String, Object> tx = new LinkedHashMap<>();
        tx.put("merchantId", merchantId);
        tx.put("transactionReference", reference);
        tx.put("status", current == 0 ? "CANCELLED" : "TO_CAPTURE");
        tx.put("responseCode", "00");
        tx.put("acquirerResponseCode", "00");
        tx.put("authorisationId", "123456");
        tx.put("amount", 1000);
        tx.put("currentAmount", current);
        tx.put("currencyCode", "978");
        tx.put("captureMode", "AUTHOR_CAPTURE");
        tx.put("captureDay", 0);
        tx.put("captureLimitDate", "20261123");
        tx.put("orderChannel", "INTERNET");
        tx.put("transactionDateTime", "2026-11-23T12:00:00+01:00");
        tx.put("maskedPan", "5100##########00");
        tx.put("panExpiryDate", "202812");
        tx.put("paymentMeanBrand", "MASTERCARD");
        tx.put("paymentMeanType", "CARD");
        tx.put("holderAuthentStatus", "NOT_SPECIFIED");
        tx.put("guaranteeIndicator", "");
        tx.put("orderId", "ORDER-1");
        tx.put("customerEmail", null);
        tx.put("lastOperation", Map.of("name", "AUTHORIZATION", "amount", 1000,
                "dateTime", "2026-11-23T12:00:00+01:00"));
        return tx;
    }

    /** Checks the bearer JWT names {@code audience} (signature checking is the callee's real job, tested there). */
    private static boolean hasAudience(HttpExchange exchange, String audience) {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        if (header == null || !header.startsWith("Bearer ")) {
            return false;
        }
        String[] parts = header.substring(7).split("\\.");
        if (parts.length != 3) {
            return false;
        }
        try {
            Map<?, ?> claims = JSON.readValue(Base64.getUrlDecoder().decode(parts[1]), Map.class);
            Object aud = claims.get("aud");
            boolean audienceMatches = audience.equals(aud) || aud instanceof List<?> list && list.contains(audience);
            return audienceMatches && "office-server-service".equals(claims.get("sub"))
                    && claims.get("groups") instanceof List<?> groups && groups.contains("service");
        } catch (IOException | IllegalArgumentException unreadable) {
            return false;
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        return in.readAllBytes();
    }

    private static void respond(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", status >= 400 && status != 410
                ? "application/problem+json" : "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
