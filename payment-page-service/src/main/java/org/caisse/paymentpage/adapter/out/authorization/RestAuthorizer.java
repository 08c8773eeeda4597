package org.caisse.paymentpage.adapter.out.authorization;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import java.net.ConnectException;
import java.util.Map;
import java.util.Optional;
import org.caisse.paymentpage.adapter.out.jwt.ServiceTokens;
import org.caisse.paymentpage.application.port.out.Authorizer;
import org.caisse.paymentpage.domain.AcsOutcome;
import org.caisse.paymentpage.domain.CardEntry;
import org.caisse.paymentpage.domain.PaymentRequest;
import org.caisse.paymentpage.domain.PaypageRequest;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** Authorizes through authorization-service's REST API with a service JWT. */
@ApplicationScoped
public class RestAuthorizer implements Authorizer {

    static final String AUDIENCE = "authorization-service";

    private final AuthorizationServiceClient client;
    private final ServiceTokens tokens;

    public RestAuthorizer(@RestClient AuthorizationServiceClient client, ServiceTokens tokens) {
        this.client = client;
        this.tokens = tokens;
    }

    @Override
    public Uni<Map<String, Object>> authorize(PaymentRequest payment, CardEntry card, String paymentMeanBrand) {
        return Uni.createFrom().item(() -> bodyOf(payment, card, paymentMeanBrand))
                .onItem().transformToUni(body -> client.authorize("Bearer " + tokens.tokenFor(AUDIENCE), body))
                .onFailure().transform(RestAuthorizer::classify);
    }

    @Override
    public Uni<Map<String, Object>> completeAuthentication(String merchantId, String authenticationId,
                                                           AcsOutcome outcome) {
        return Uni.createFrom().deferred(() -> client.authenticate("Bearer " + tokens.tokenFor(AUDIENCE),
                        authenticationId, new AuthenticationResultBody(merchantId, outcome.name())))
                .onFailure().transform(e -> isNotFound(e) ? new Authorizer.UnknownAuthentication() : classify(e));
    }

    @Override
    public Uni<Optional<Map<String, Object>>> findTransaction(String merchantId, String transactionReference) {
        return Uni.createFrom().deferred(() -> client.transaction("Bearer " + tokens.tokenFor(AUDIENCE), merchantId,
                        transactionReference))
                .map(RestAuthorizer::snapshotOf)
                .onFailure(RestAuthorizer::isNotFound).recoverWithItem(Optional.empty());
    }

    @SuppressWarnings("unchecked")
    private static Optional<Map<String, Object>> snapshotOf(Map<String, Object> answer) {
        if (answer != null && answer.get("transaction") instanceof Map<?, ?> transaction) {
            return Optional.of((Map<String, Object>) transaction);
        }
        throw new IllegalStateException("transaction lookup answer without a transaction");
    }

    private static boolean isNotFound(Throwable e) {
        return e instanceof WebApplicationException wae && wae.getResponse().getStatus() == 404;
    }

    /**
     * A 4xx problem is a refusal of our request's content (nothing created); 408 and 429 mean not processed; a
     * refused connection means not sent. Anything else (timeout, reset, 5xx) leaves the outcome unknown.
     */
    static Throwable classify(Throwable e) {
        if (e instanceof WebApplicationException wae) {
            int status = wae.getResponse().getStatus();
            if (status == 408 || status == 429) {
                return new Authorizer.NotSent(e);
            }
            if (status >= 400 && status < 500) {
                return new Authorizer.Refused(status, problemField(wae));
            }
            return e;
        }
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException) {
                return new Authorizer.NotSent(e);
            }
        }
        return e;
    }

    private static String problemField(WebApplicationException wae) {
        try {
            Object field = wae.getResponse().readEntity(Map.class).get("field");
            return field instanceof String s && s.matches("[A-Za-z0-9_.\\[\\]]{1,80}") ? s : null;
        } catch (RuntimeException unreadable) {
            return null;
        }
    }

    /** The order channels where the shopper is there to be sent to the ACS (authorization-service's rule). */
    static boolean challengeCapable(String orderChannel) {
        return "INTERNET".equals(orderChannel) || "INAPP".equals(orderChannel);
    }

    static AuthorizationBody bodyOf(PaymentRequest payment, CardEntry card, String paymentMeanBrand) {
        PaypageRequest r = payment.request();
        return new AuthorizationBody(
                r.merchantId(),
                r.transactionReference(),
                r.amount(),
                r.currencyCode(),
                r.captureMode(),
                r.captureDay(),
                r.orderChannel(),
                new AuthorizationBody.Card(card.number(), card.expiryDate(), card.cscValue()),
                paymentMeanBrand,
                r.field("orderId").orElse(null),
                r.field("returnContext").orElse(null),
                r.field("customerId").orElse(null),
                r.field("customerEmail").orElse(null),
                r.field("customerIpAddress").orElse(null),
                r.field("statementReference").orElse(null),
                r.field("transactionOrigin").orElse(null),
                r.field("paymentPattern").orElse(null),
                r.customerLanguage().orElse(null),
                new AuthorizationBody.Notification(
                        r.automaticResponseUrl().orElse(null),
                        r.keyVersion(),
                        payment.sealAlgorithm().wireName(),
                        r.base64Response() ? "base64" : null,
                        payment.interfaceVersion()),
                challengeCapable(r.orderChannel()) ? new AuthorizationBody.ThreeDSecure(true) : null);
    }
}
