package org.caisse.paymentpage.adapter.out.authorization;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import org.caisse.paymentpage.adapter.out.jwt.ServiceTokens;
import org.caisse.paymentpage.application.port.out.Authorizer;
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
    public Uni<Map<String, Object>> authorize(PaymentRequest payment, CardEntry card) {
        return Uni.createFrom().item(() -> bodyOf(payment, card))
                .onItem().transformToUni(body -> client.authorize("Bearer " + tokens.tokenFor(AUDIENCE), body));
    }

    static AuthorizationBody bodyOf(PaymentRequest payment, CardEntry card) {
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
                null,
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
                        payment.interfaceVersion()));
    }
}
