package org.caisse.officeserver.adapter.out.authorization;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import org.caisse.officeserver.adapter.out.security.ServiceTokens;
import org.caisse.officeserver.application.port.out.DownstreamUnavailableException;
import org.caisse.officeserver.application.port.out.WalletGateway;
import org.caisse.officeserver.config.WalletsConfig;
import org.caisse.officeserver.domain.wallet.CardToAdd;
import org.caisse.officeserver.domain.wallet.WalletPaymentMean;

/**
 * authorization-service's internal wallet API ({@code /internal/v1/merchants/{m}/wallets/{w}...}, see its README,
 * "Wallet endpoints") over HTTP with a service JWT. 404 is "not found for this merchant"; a 400 problem naming a field
 * is the store refusing the card (only on adding a card); anything else (network error, timeout, 401/403, 5xx,
 * unreadable answer) is {@link DownstreamUnavailableException}. The request body with the card number is never logged.
 */
@ApplicationScoped
public class AuthorizationWalletGateway implements WalletGateway {

    private static final TypeReference<Map<String, Object>> JSON_OBJECT = new TypeReference<>() {
    };

    private final WalletsConfig config;
    private final ServiceTokens tokens;
    private final ObjectMapper json;
    private final HttpClient http;

    @Inject
    public AuthorizationWalletGateway(WalletsConfig config, ServiceTokens tokens, ObjectMapper json) {
        this.config = config;
        this.tokens = tokens;
        this.json = json;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(config.timeout())
                .build();
    }

    @Override
    public Uni<AddCardOutcome> addCard(String merchantId, String merchantWalletId, CardToAdd card) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("card", Map.of("number", card.cardNumber(), "expiryDate", card.cardExpiryDate()));
        if (card.paymentMeanAlias() != null) {
            payload.put("paymentMeanAlias", card.paymentMeanAlias());
        }
        if (card.paymentMeanBrand() != null) {
            payload.put("paymentMeanBrand", card.paymentMeanBrand());
        }
        return send(withBody(request(walletPath(merchantId, merchantWalletId) + "/payment-means"), "POST", payload))
                .map(answer -> switch (answer.status()) {
                    case 200 -> new Added(paymentMean(answer.body()));
                    case 400 -> new Refused(String.valueOf(answer.body().get("field")));
                    default -> throw unexpected(answer.status());
                });
    }

    @Override
    public Uni<List<WalletPaymentMean>> paymentMeans(String merchantId, String merchantWalletId) {
        return send(request(walletPath(merchantId, merchantWalletId)).GET().build()).map(answer -> {
            if (answer.status() == 404) {
                return List.<WalletPaymentMean>of();
            }
            expect200(answer);
            if (!(answer.body().get("paymentMeans") instanceof List<?> list)) {
                throw new DownstreamUnavailableException("wallet answer without paymentMeans");
            }
            List<WalletPaymentMean> means = new ArrayList<>();
            for (Object element : list) {
                if (!(element instanceof Map<?, ?> mean)) {
                    throw new DownstreamUnavailableException("wallet answer with an unreadable payment mean");
                }
                means.add(paymentMean(mean));
            }
            return List.copyOf(means);
        });
    }

    @Override
    public Uni<Optional<WalletPaymentMean>> paymentMean(String merchantId, String merchantWalletId,
                                                        String paymentMeanId) {
        return send(request(paymentMeanPath(merchantId, merchantWalletId, paymentMeanId)).GET().build())
                .map(AuthorizationWalletGateway::optionalPaymentMean);
    }

    @Override
    public Uni<Boolean> deletePaymentMean(String merchantId, String merchantWalletId, String paymentMeanId) {
        return send(request(paymentMeanPath(merchantId, merchantWalletId, paymentMeanId)).DELETE().build())
                .map(AuthorizationWalletGateway::deleted);
    }

    @Override
    public Uni<Boolean> signOff(String merchantId, String merchantWalletId) {
        return send(request(walletPath(merchantId, merchantWalletId)).DELETE().build())
                .map(AuthorizationWalletGateway::deleted);
    }

    @Override
    public Uni<Optional<WalletPaymentMean>> updateAlias(String merchantId, String merchantWalletId,
                                                        String paymentMeanId, String paymentMeanAlias) {
        return send(withBody(request(paymentMeanPath(merchantId, merchantWalletId, paymentMeanId)), "PATCH",
                Map.of("paymentMeanAlias", paymentMeanAlias)))
                .map(AuthorizationWalletGateway::optionalPaymentMean);
    }

    private record Answer(int status, Map<String, Object> body) {
    }

    private static Optional<WalletPaymentMean> optionalPaymentMean(Answer answer) {
        if (answer.status() == 404) {
            return Optional.empty();
        }
        expect200(answer);
        return Optional.of(paymentMean(answer.body()));
    }

    private static boolean deleted(Answer answer) {
        return switch (answer.status()) {
            case 204, 200 -> true;
            case 404 -> false;
            default -> throw unexpected(answer.status());
        };
    }

    private static void expect200(Answer answer) {
        if (answer.status() != 200) {
            throw unexpected(answer.status());
        }
    }

    private static DownstreamUnavailableException unexpected(int status) {
        return new DownstreamUnavailableException("wallet API answered HTTP " + status);
    }

    private static WalletPaymentMean paymentMean(Map<?, ?> mean) {
        Object id = mean.get("paymentMeanId");
        Object masked = mean.get("maskedPan");
        if (id == null || !(masked instanceof String maskedPan)) {
            throw new DownstreamUnavailableException("wallet answer without paymentMeanId or maskedPan");
        }
        return new WalletPaymentMean(id.toString(), maskedPan, text(mean.get("panExpiryDate")),
                text(mean.get("paymentMeanAlias")), text(mean.get("paymentMeanBrand")));
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(stripSlash(config.url().toString()) + path))
                .timeout(config.timeout())
                .header("Accept", "application/json")
                .header("Authorization", "Bearer " + tokens.tokenFor(config.audience()));
    }

    private HttpRequest withBody(HttpRequest.Builder builder, String method, Map<String, Object> payload) {
        try {
            return builder.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(payload)))
                    .build();
        } catch (IOException impossible) {
            throw new IllegalStateException("cannot serialise a wallet request");
        }
    }

    private Uni<Answer> send(HttpRequest request) {
        return Uni.createFrom().deferred(() -> Uni.createFrom()
                        .completionStage(http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray())))
                .onFailure().transform(failure -> new DownstreamUnavailableException(
                        "wallet API unreachable: " + failure.getClass().getSimpleName(), failure))
                .map(response -> {
                    byte[] bytes = response.body();
                    if (bytes == null || bytes.length == 0) {
                        return new Answer(response.statusCode(), Map.of());
                    }
                    try {
                        return new Answer(response.statusCode(), json.readValue(bytes, JSON_OBJECT));
                    } catch (IOException unreadable) {
                        throw new DownstreamUnavailableException("wallet API answered unreadable JSON", unreadable);
                    }
                });
    }

    private static String walletPath(String merchantId, String merchantWalletId) {
        return "/internal/v1/merchants/" + segment(merchantId) + "/wallets/" + segment(merchantWalletId);
    }

    private static String paymentMeanPath(String merchantId, String merchantWalletId, String paymentMeanId) {
        return walletPath(merchantId, merchantWalletId) + "/payment-means/" + segment(paymentMeanId);
    }

    private static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
