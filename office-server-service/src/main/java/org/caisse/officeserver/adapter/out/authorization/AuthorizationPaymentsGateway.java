package org.caisse.officeserver.adapter.out.authorization;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import org.caisse.officeserver.adapter.out.security.ServiceTokens;
import org.caisse.officeserver.application.port.out.DownstreamUnavailableException;
import org.caisse.officeserver.application.port.out.PaymentGateway;
import org.caisse.officeserver.config.AuthorizationConfig;

/**
 * authorization-service's payment endpoints ({@code /internal/v1/authorizations}, {@code /duplicates},
 * {@code /credits}, {@code .../validate}, {@code .../refund}) over HTTP with a service JWT. 200 is the business
 * answer, 404 an unknown transaction, 400 a refused field (problem JSON {@code field}); a network error, a timeout,
 * any other status or an unreadable answer is {@link DownstreamUnavailableException}. The request body carries the
 * card; it is never logged and no exception message quotes it.
 */
@ApplicationScoped
public class AuthorizationPaymentsGateway implements PaymentGateway {

    private static final TypeReference<Map<String, Object>> JSON_OBJECT = new TypeReference<>() {
    };

    private final AuthorizationConfig config;
    private final ServiceTokens tokens;
    private final ObjectMapper json;
    private final HttpClient http;

    @Inject
    public AuthorizationPaymentsGateway(AuthorizationConfig config, ServiceTokens tokens, ObjectMapper json) {
        this.config = config;
        this.tokens = tokens;
        this.json = json;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(config.timeout())
                .build();
    }

    @Override
    public Uni<Answer> authorize(String merchantId, OrderCommand order) {
        return post("/internal/v1/authorizations", orderBody(merchantId, order));
    }

    @Override
    public Uni<Answer> creditHolder(String merchantId, OrderCommand order) {
        return post("/internal/v1/credits", orderBody(merchantId, order));
    }

    @Override
    public Uni<Answer> duplicate(String merchantId, DuplicateCommand duplicate) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("merchantId", merchantId);
        body.put("fromTransactionReference", duplicate.fromTransactionReference());
        putIfPresent(body, "fromMerchantId", duplicate.fromMerchantId());
        body.put("transactionReference", duplicate.transactionReference());
        body.put("amount", duplicate.amount());
        body.put("currencyCode", duplicate.currencyCode());
        putIfPresent(body, "captureMode", duplicate.captureMode());
        putIfPresent(body, "captureDay", duplicate.captureDay());
        putIfPresent(body, "orderChannel", duplicate.orderChannel());
        putIfPresent(body, "orderId", duplicate.orderId());
        putIfPresent(body, "returnContext", duplicate.returnContext());
        return post("/internal/v1/duplicates", body);
    }

    @Override
    public Uni<Answer> validate(String merchantId, String transactionReference, CashOperationCommand command) {
        return post(transactionPath(merchantId, transactionReference) + "/validate", operationBody(command));
    }

    @Override
    public Uni<Answer> refund(String merchantId, String transactionReference, CashOperationCommand command) {
        return post(transactionPath(merchantId, transactionReference) + "/refund", operationBody(command));
    }

    private static Map<String, Object> orderBody(String merchantId, OrderCommand order) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("merchantId", merchantId);
        body.put("transactionReference", order.transactionReference());
        body.put("amount", order.amount());
        body.put("currencyCode", order.currencyCode());
        putIfPresent(body, "captureMode", order.captureMode());
        putIfPresent(body, "captureDay", order.captureDay());
        putIfPresent(body, "orderChannel", order.orderChannel());
        putIfPresent(body, "orderId", order.orderId());
        putIfPresent(body, "paymentPattern", order.paymentPattern());
        putIfPresent(body, "paymentMeanBrand", order.paymentMeanBrand());
        putIfPresent(body, "customerIpAddress", order.customerIpAddress());
        putIfPresent(body, "statementReference", order.statementReference());
        putIfPresent(body, "returnContext", order.returnContext());
        body.put("card", card(order.card()));
        // No threeDSecure.challengeCapable: a server-to-server order has no shopper to send to the ACS.
        return body;
    }

    private static Map<String, Object> card(CardSource source) {
        Map<String, Object> card = new LinkedHashMap<>();
        switch (source) {
            case ClearCard clear -> {
                card.put("number", clear.number());
                card.put("expiryDate", clear.expiryDate());
                putIfPresent(card, "cscValue", clear.cscValue());
            }
            case EncryptedCard encrypted -> card.put("encryptedCardData", encrypted.encryptedCardData());
            case WalletCard wallet -> {
                card.put("merchantWalletId", wallet.merchantWalletId());
                card.put("paymentMeanId", wallet.paymentMeanId());
                putIfPresent(card, "cscValue", wallet.cscValue());
            }
        }
        return card;
    }

    private static Map<String, Object> operationBody(CashOperationCommand command) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("operationId", command.operationId().toString());
        body.put("amount", command.amount());
        body.put("currencyCode", command.currencyCode());
        putIfPresent(body, "operationOrigin", command.operationOrigin());
        return body;
    }

    private static void putIfPresent(Map<String, Object> body, String name, Object value) {
        if (value != null) {
            body.put(name, value);
        }
    }

    private Uni<Answer> post(String path, Map<String, Object> payload) {
        byte[] body;
        try {
            body = json.writeValueAsBytes(payload);
        } catch (IOException impossible) {
            return Uni.createFrom().failure(new DownstreamUnavailableException("request not serializable"));
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(stripSlash(config.url().toString()) + path))
                .timeout(config.timeout())
                .header("Accept", "application/json")
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + tokens.tokenFor(config.audience()))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        return Uni.createFrom().deferred(() -> Uni.createFrom()
                        .completionStage(http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray())))
                .onFailure().transform(failure -> new DownstreamUnavailableException(
                        "authorization-service unreachable: " + failure.getClass().getSimpleName()))
                .map(this::read);
    }

    private Answer read(HttpResponse<byte[]> response) {
        int status = response.statusCode();
        if (status == 404) {
            return new NotFound();
        }
        if (status != 200 && status != 400) {
            throw new DownstreamUnavailableException("authorization-service answered HTTP " + status);
        }
        Map<String, Object> body;
        try {
            body = json.readValue(response.body(), JSON_OBJECT);
        } catch (IOException unreadable) {
            throw new DownstreamUnavailableException("authorization-service answered unreadable JSON");
        }
        if (status == 400) {
            return new Invalid(body.get("field") instanceof String field ? field : null);
        }
        return new Answered(body);
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
