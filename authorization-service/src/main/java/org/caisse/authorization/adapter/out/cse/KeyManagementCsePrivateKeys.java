package org.caisse.authorization.adapter.out.cse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.jwk.ECKey;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import org.caisse.authorization.adapter.out.identity.ServiceTokens;
import org.caisse.authorization.application.port.out.CardDecryptionException;
import org.caisse.authorization.application.port.out.CardDecryptionException.Reason;
import org.caisse.authorization.config.KeyManagementClientConfig;
import org.jboss.logging.Logger;

/**
 * CSE private keys from key-management-service ({@code GET /internal/v1/merchants/{m}/cse-keys/{kid}}, service JWT
 * for audience {@code key-management-service}), with the JDK HTTP client and short timeouts so that a stopped key
 * service fails a payment fast with {@code KEY_SERVICE_UNAVAILABLE}.
 *
 * <p>Answers are cached: a key for {@code caisse.key-management.cache-ttl} but never past its {@code notAfter}; an
 * unknown or unusable key for at most 30 seconds (a new key is seen soon); failures not at all. Concurrent misses
 * of one key share one request.
 */
@ApplicationScoped
public class KeyManagementCsePrivateKeys implements CsePrivateKeySource {

    static final String AUDIENCE = "key-management-service";
    static final Duration MAX_NEGATIVE_TTL = Duration.ofSeconds(30);
    static final int MAX_ENTRIES = 10_000;

    private static final Logger LOG = Logger.getLogger(KeyManagementCsePrivateKeys.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private record CacheKey(String merchantId, String kid) {
    }

    private final String baseUrl;
    private final Supplier<String> bearerToken;
    private final Duration ttl;
    private final Duration requestTimeout;
    private final HttpClient http;
    private final Clock clock;
    private final CoalescingKeyCache<CacheKey, CseKeyAnswer> cache;

    @Inject
    public KeyManagementCsePrivateKeys(KeyManagementClientConfig config, ServiceTokens tokens, Clock clock) {
        this(config.url(), () -> tokens.tokenFor(AUDIENCE), config.cacheTtl(), config.connectTimeout(),
                config.requestTimeout(), clock);
    }

    public KeyManagementCsePrivateKeys(URI keyServiceUrl, Supplier<String> bearerToken, Duration ttl,
                                       Duration connectTimeout, Duration requestTimeout, Clock clock) {
        String base = Objects.requireNonNull(keyServiceUrl, "keyServiceUrl").toString();
        this.baseUrl = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.bearerToken = Objects.requireNonNull(bearerToken, "bearerToken");
        this.ttl = Objects.requireNonNull(ttl, "ttl");
        this.requestTimeout = Objects.requireNonNull(requestTimeout, "requestTimeout");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.http = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        this.cache = new CoalescingKeyCache<>(this::lifetime, MAX_ENTRIES, System::nanoTime);
    }

    @Override
    public Uni<ECKey> privateKey(String merchantId, String kid) {
        CacheKey key = new CacheKey(merchantId, kid);
        return Uni.createFrom()
                .deferred(() -> onCallersContext(Uni.createFrom().completionStage(cache.get(key, this::fetch))))
                .onFailure(CompletionException.class).transform(e -> e.getCause() == null ? e : e.getCause())
                .onFailure(e -> !(e instanceof CardDecryptionException)).transform(e -> unavailable(
                        "unexpected failure " + e.getClass().getSimpleName(), e))
                .map(answer -> usableKey(key, answer));
    }

    /**
     * An answer fetched over HTTP completes on a JDK HTTP client thread; a caller on a Vert.x context (a request
     * being served) continues on that context, as its reactive database calls expect.
     */
    private static <T> Uni<T> onCallersContext(Uni<T> answer) {
        Context context = Vertx.currentContext();
        return context == null ? answer : answer.emitOn(command -> context.runOnContext(ignored -> command.run()));
    }

    /** Forgets every cached answer (after a key event, for instance). */
    public void invalidateAll() {
        cache.invalidateAll();
    }

    private ECKey usableKey(CacheKey key, CseKeyAnswer answer) {
        return switch (answer) {
            case CseKeyAnswer.Found found when found.notAfter() == null || clock.instant().isBefore(found.notAfter())
                    -> found.privateKey();
            case CseKeyAnswer.Found found -> throw new CardDecryptionException(Reason.KEY_NOT_USABLE,
                    "CSE key " + key.kid() + " is past its notAfter " + found.notAfter());
            case CseKeyAnswer.Unknown unknown -> throw new CardDecryptionException(Reason.UNKNOWN_KEY,
                    "no CSE key " + key.kid() + " for merchant " + key.merchantId());
            case CseKeyAnswer.NotUsable gone -> throw new CardDecryptionException(Reason.KEY_NOT_USABLE,
                    "CSE key " + key.kid() + " is " + CseJweProfile.safe(gone.status()));
        };
    }

    private CompletableFuture<CseKeyAnswer> fetch(CacheKey key) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + "/internal/v1/merchants/"
                        + encode(key.merchantId()) + "/cse-keys/" + encode(key.kid())))
                .timeout(requestTimeout)
                .header("Accept", "application/json")
                .GET();
        try {
            request.header("Authorization", "Bearer " + bearerToken.get());
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(unavailable("cannot sign the service token", e));
        }
        return http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofByteArray())
                .handle((response, error) -> {
                    if (error != null) {
                        Throwable cause = error instanceof CompletionException && error.getCause() != null
                                ? error.getCause() : error;
                        LOG.warnf("key-management-service unreachable for CSE key %s: %s", key.kid(),
                                cause.getClass().getSimpleName());
                        throw unavailable("key-management-service unreachable (" + cause.getClass().getSimpleName()
                                + ")", cause);
                    }
                    return interpret(key, response);
                });
    }

    private CseKeyAnswer interpret(CacheKey key, HttpResponse<byte[]> response) {
        int status = response.statusCode();
        return switch (status) {
            case 200 -> found(key, readObject(response.body()));
            case 400, 404 -> new CseKeyAnswer.Unknown();
            case 410 -> new CseKeyAnswer.NotUsable(statusOf(response.body()));
            default -> {
                LOG.warnf("key-management-service answered HTTP %d for CSE key %s", status, key.kid());
                throw unavailable("key-management-service answered HTTP " + status, null);
            }
        };
    }

    private static CseKeyAnswer found(CacheKey key, JsonNode body) {
        JsonNode jwk = body.get("privateJwk");
        if (!key.merchantId().equals(text(body, "merchantId")) || !key.kid().equals(text(body, "kid"))
                || jwk == null || !jwk.isObject()) {
            throw unavailable("key-management-service answered another key or no privateJwk", null);
        }
        ECKey privateKey;
        try {
            privateKey = ECKey.parse(jwk.toString());
        } catch (ParseException e) {
            throw unavailable("key-management-service answered an unreadable privateJwk", null);
        }
        if (!privateKey.isPrivate() || !CseJweProfile.CURVE.equals(privateKey.getCurve())
                || !key.kid().equals(privateKey.getKeyID())) {
            throw unavailable("key-management-service answered a key outside the CSE profile", null);
        }
        return new CseKeyAnswer.Found(privateKey, instant(text(body, "notAfter")));
    }

    private Duration lifetime(CseKeyAnswer answer) {
        if (answer instanceof CseKeyAnswer.Found found && found.notAfter() != null) {
            Duration untilEnd = Duration.between(clock.instant(), found.notAfter());
            return untilEnd.isNegative() ? Duration.ZERO : min(ttl, untilEnd);
        }
        return answer instanceof CseKeyAnswer.Found ? ttl : min(ttl, MAX_NEGATIVE_TTL);
    }

    private static JsonNode readObject(byte[] body) {
        try {
            JsonNode node = JSON.readTree(body);
            if (node == null || !node.isObject()) {
                throw unavailable("key-management-service answer is not a JSON object", null);
            }
            return node;
        } catch (IOException e) {
            throw unavailable("key-management-service answer is not JSON", null);
        }
    }

    private static String statusOf(byte[] body) {
        try {
            String status = text(readObject(body), "status");
            return status == null ? "UNUSABLE" : status;
        } catch (CardDecryptionException e) {
            return "UNUSABLE"; // a 410 without a readable body is still an unusable key
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
            throw unavailable("key-management-service answered an unreadable notAfter", null);
        }
    }

    private static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static CardDecryptionException unavailable(String message, Throwable cause) {
        return new CardDecryptionException(Reason.KEY_SERVICE_UNAVAILABLE, message, cause);
    }
}
