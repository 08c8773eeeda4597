package org.caisse.officeserver.adapter.out.authorization;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import org.caisse.officeserver.adapter.out.security.ServiceTokens;
import org.caisse.officeserver.application.port.out.DownstreamUnavailableException;
import org.caisse.officeserver.application.port.out.TransactionGateway;
import org.caisse.officeserver.config.AuthorizationConfig;

/**
 * authorization-service's internal API (docs/platform-contracts.md) over HTTP with a service JWT.
 * 404 means "no such transaction for this merchant"; any network error, timeout, 5xx or unreadable
 * answer is {@link DownstreamUnavailableException}, as is an open circuit breaker
 * ({@link AuthorizationHttpExchange}).
 */
@ApplicationScoped
public class AuthorizationServiceGateway implements TransactionGateway {

    private static final TypeReference<Map<String, Object>> JSON_OBJECT = new TypeReference<>() {
    };

    private final AuthorizationConfig config;
    private final ServiceTokens tokens;
    private final ObjectMapper json;
    private final AuthorizationHttpExchange http;

    @Inject
    public AuthorizationServiceGateway(AuthorizationConfig config, ServiceTokens tokens, ObjectMapper json,
                                       AuthorizationHttpExchange http) {
        this.config = config;
        this.tokens = tokens;
        this.json = json;
        this.http = http;
    }

    @Override
    public Uni<Optional<TransactionRecord>> find(String merchantId, String transactionReference) {
        HttpRequest request = request(transactionPath(merchantId, transactionReference)).GET().build();
        return send(request, body -> {
            Object transaction = body.get("transaction");
            Object operations = body.get("operations");
            if (!(transaction instanceof Map<?, ?> snapshot)) {
                throw new DownstreamUnavailableException("authorization-service answered without a transaction");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> typedSnapshot = (Map<String, Object>) snapshot;
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> typedOperations = operations instanceof List<?> list
                    ? (List<Map<String, Object>>) list : List.of();
            return new TransactionRecord(typedSnapshot, typedOperations);
        });
    }

    @Override
    public Uni<Optional<OperationAnswer>> cancel(String merchantId, String transactionReference,
                                                 CancelCommand command) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("operationId", command.operationId().toString());
        payload.put("amount", command.amount());
        payload.put("currencyCode", command.currencyCode());
        payload.put("operationOrigin", command.operationOrigin());
        byte[] body;
        try {
            body = json.writeValueAsBytes(payload);
        } catch (IOException impossible) {
            return Uni.createFrom().failure(impossible);
        }
        HttpRequest request = request(transactionPath(merchantId, transactionReference) + "/cancel")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        return send(request, OperationAnswer::new);
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(stripSlash(config.url().toString()) + path))
                .timeout(config.timeout())
                .header("Accept", "application/json")
                .header("Authorization", "Bearer " + tokens.tokenFor(config.audience()));
    }

    private <T> Uni<Optional<T>> send(HttpRequest request, Function<Map<String, Object>, T> reader) {
        // an open breaker or a timeout (fault tolerance's own exceptions) is "unavailable" as well: 503 / 90
        return Uni.createFrom().deferred(() -> http.exchange(request))
                .onFailure(failure -> !(failure instanceof DownstreamUnavailableException))
                .transform(failure -> new DownstreamUnavailableException(
                        "authorization-service unavailable: " + failure.getClass().getSimpleName(), failure))
                .map(response -> {
                    int status = response.statusCode();
                    if (status == 404) {
                        return Optional.<T>empty();
                    }
                    if (status != 200) {
                        throw new DownstreamUnavailableException("authorization-service answered HTTP " + status);
                    }
                    Map<String, Object> body;
                    try {
                        body = json.readValue(response.body(), JSON_OBJECT);
                    } catch (IOException unreadable) {
                        throw new DownstreamUnavailableException("authorization-service answered unreadable JSON",
                                unreadable);
                    }
                    return Optional.of(reader.apply(body));
                });
    }

    private static String transactionPath(String merchantId, String transactionReference) {
        return "/internal/v1/merchants/" + segment(merchantId) + "/transactions/" + segment(transactionReference);
    }

    private static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
