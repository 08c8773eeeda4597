package org.caisse.paymentpage.application.port.out;

import io.smallrye.mutiny.Uni;
import java.util.Map;
import org.caisse.paymentpage.domain.CardEntry;
import org.caisse.paymentpage.domain.PaymentRequest;

/**
 * Asks authorization-service to authorize a payment request with the shopper's card. The answer is the
 * transaction snapshot; a failed Uni means the service could not be reached or answered an error.
 */
public interface Authorizer {

    Uni<Map<String, Object>> authorize(PaymentRequest request, CardEntry card);
}
