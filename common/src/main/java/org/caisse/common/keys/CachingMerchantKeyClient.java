package org.caisse.common.keys;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Reads keys from key-management-service ({@code GET /internal/v1/merchants/{m}/keys/{v}}) with the JDK HTTP client,
 * asynchronously, and caches the answers: {@code Found} for {@code ttl} (never beyond the key's {@code notAfter}),
 * {@code Unknown} and {@code Unusable} for {@code ttl} but at most 30 seconds. Concurrent lookups of the same key
 * share one request. Failures are not cached: they complete the stage with a {@link KeyServiceUnavailableException}.
 */
public final class CachingMerchantKeyClient implements MerchantKeyClient {

    /** The longest time a negative answer is cached, so that a newly created key is seen quickly. */
    public static final Duration MAX_NEGATIVE_TTL = Duration.ofSeconds(30);
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(3);

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private record CacheKey(String merchantId, int keyVersion) {
    }

    private static final class Entry {
        final CompletableFuture<KeyLookup> future = new CompletableFuture<>();
        volatile long expiresAtNanos = Long.MAX_VALUE; // in flight: shared until answered

        boolean isFresh(long now) {
            return !future.isDone() || now - expiresAtNanos < 0;
        }
    }

    private final String baseUrl;
    private final Supplier<String> bearerToken;
    private final Duration ttl;
    private final HttpClient http;
    private final ConcurrentHashMap<CacheKey, Entry> cache = new ConcurrentHashMap<>();

    /**
     * @param keyServiceBaseUrl e.g. {@code http://127.0.0.1:8085}
     * @param bearerToken       gives the service JWT to send (may return null for none)
     * @param ttl               how long a found key is cached
     */
    public CachingMerchantKeyClient(URI keyServiceBaseUrl, Supplier<String> bearerToken, Duration ttl) {
        this(keyServiceBaseUrl, bearerToken, ttl, HttpClient.newBuilder()
                .connectTimeout(CONNECT_TIMEOUT)
                .version(HttpClient.Version.HTTP_1_1)
                .build());
    }

    /** With a caller-provided HTTP client (its own timeouts and executor). */
    public CachingMerchantKeyClient(URI keyServiceBaseUrl, Supplier<String> bearerToken, Duration ttl,
                                    HttpClient httpClient) {
        String base = Objects.requireNonNull(keyServiceBaseUrl, "keyServiceBaseUrl").toString();
        this.baseUrl = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.bearerToken = Objects.requireNonNull(bearerToken, "bearerToken");
        this.ttl = Objects.requireNonNull(ttl, "ttl");
        if (ttl.isNegative()) {
            throw new IllegalArgumentException("ttl must not be negative");
        }
        this.http = Objects.requireNonNull(httpClient, "httpClient");
    }

    @Override
    public CompletionStage<KeyLookup> find(String merchantId, int keyVersion) {
        Objects.requireNonNull(merchantId, "merchantId");
        CacheKey key = new CacheKey(merchantId, keyVersion);
        long now = System.nanoTime();
        Entry current = cache.get(key);
        if (current != null && current.isFresh(now)) {
            return current.future.copy();
        }
        Entry created = new Entry();
        Entry winner = cache.compute(key, (k, old) -> old != null && old.isFresh(now) ? old : created);
        if (winner == created) {
            fetch(key, created);
        }
        return winner.future.copy();
    }

    /** Forgets every cached answer of the merchant (after a key event, for instance). */
    public void invalidate(String merchantId) {
        cache.keySet().removeIf(k -> k.merchantId().equals(merchantId));
    }

    /** Forgets everything. */
    public void invalidateAll() {
        cache.clear();
    }

    private void fetch(CacheKey key, Entry entry) {
        HttpRequest.Builder request;
        try {
            request = HttpRequest.newBuilder(URI.create(baseUrl + "/internal/v1/merchants/"
                            + URLEncoder.encode(key.merchantId(), StandardCharsets.UTF_8).replace("+", "%20")
                            + "/keys/" + key.keyVersion()))
                    .timeout(REQUEST_TIMEOUT)
                    .header("Accept", "application/json")
                    .GET();
            String token = bearerToken.get();
            if (token != null && !token.isBlank()) {
                request.header("Authorization", "Bearer " + token);
            }
        } catch (RuntimeException e) {
            fail(key, entry, new KeyServiceUnavailableException("Cannot build the key request", e));
            return;
        }
        http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofByteArray()).whenComplete((response, error) -> {
            if (error != null) {
                Throwable cause = error instanceof CompletionException && error.getCause() != null
                        ? error.getCause() : error;
                fail(key, entry, new KeyServiceUnavailableException(
                        "Key service unreachable: " + cause.getClass().getSimpleName(), cause));
                return;
            }
            KeyLookup lookup;
            try {
                lookup = interpret(key, response);
            } catch (KeyServiceUnavailableException e) {
                fail(key, entry, e);
                return;
            } catch (RuntimeException e) {
                fail(key, entry, new KeyServiceUnavailableException("Unreadable key service answer", e));
                return;
            }
            entry.expiresAtNanos = System.nanoTime() + lifetime(lookup).toNanos();
            entry.future.complete(lookup);
        });
    }

    private void fail(CacheKey key, Entry entry, KeyServiceUnavailableException error) {
        cache.remove(key, entry);
        entry.future.completeExceptionally(error);
    }

    private Duration lifetime(KeyLookup lookup) {
        if (lookup instanceof KeyLookup.Found found) {
            Instant notAfter = found.key().notAfter();
            if (notAfter != null) {
                Duration untilEnd = Duration.between(Instant.now(), notAfter);
                return untilEnd.isNegative() ? Duration.ZERO : min(ttl, untilEnd);
            }
            return ttl;
        }
        return min(ttl, MAX_NEGATIVE_TTL);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static KeyLookup interpret(CacheKey key, HttpResponse<byte[]> response) {
        int status = response.statusCode();
        switch (status) {
            case 200 -> {
                JsonNode body = readBody(response.body());
                String secretKey = text(body, "secretKey");
                if (secretKey == null || secretKey.isEmpty()) {
                    throw new KeyServiceUnavailableException("Key service answer without secretKey");
                }
                String merchantId = text(body, "merchantId");
                JsonNode version = body.get("keyVersion");
                return new KeyLookup.Found(new MerchantKey(
                        merchantId == null ? key.merchantId() : merchantId,
                        version != null && version.canConvertToInt() ? version.asInt() : key.keyVersion(),
                        secretKey, text(body, "status"), text(body, "environment"),
                        instant(text(body, "notAfter"))));
            }
            case 400, 404 -> {
                // 400: the key service refuses the reference itself (bad merchant id or version), so no such key
                // can exist; it is an unknown key (Sips 34), not an unavailable service.
                return new KeyLookup.Unknown();
            }
            case 410 -> {
                String keyStatus = null;
                try {
                    keyStatus = text(readBody(response.body()), "status");
                } catch (KeyServiceUnavailableException ignored) {
                    // a 410 without a readable body is still an unusable key
                }
                return new KeyLookup.Unusable(keyStatus == null ? "UNUSABLE" : keyStatus);
            }
            default -> throw new KeyServiceUnavailableException("Key service answered HTTP " + status);
        }
    }

    private static JsonNode readBody(byte[] body) {
        try {
            JsonNode node = MAPPER.readTree(body);
            if (node == null || !node.isObject()) {
                throw new KeyServiceUnavailableException("Key service answer is not a JSON object");
            }
            return node;
        } catch (IOException e) {
            throw new KeyServiceUnavailableException("Key service answer is not JSON", e);
        }
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static Instant instant(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException again) {
                throw new KeyServiceUnavailableException("Unreadable notAfter in key service answer");
            }
        }
    }
}
