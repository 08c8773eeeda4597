package org.caisse.paymentpage.application.port.out;

import io.smallrye.mutiny.Uni;
import java.util.Map;
import java.util.Optional;
import org.caisse.paymentpage.domain.AcsOutcome;
import org.caisse.paymentpage.domain.CardEntry;
import org.caisse.paymentpage.domain.PaymentRequest;

/**
 * authorization-service: authorizes a payment request with the shopper's card, and tells what it holds for a
 * transaction reference.
 */
public interface Authorizer {

    /**
     * The transaction snapshot. A failed Uni means the outcome is unknown (timeout, 5xx, connection lost after
     * sending) unless it fails with {@link Refused} (authorization-service refused the request's content: nothing
     * was created) or {@link NotSent} (the request never left: nothing was created).
     */
    Uni<Map<String, Object>> authorize(PaymentRequest request, CardEntry card, String paymentMeanBrand);

    /**
     * Sends the shopper's ACS result for a pending 3-D Secure authentication: the transaction snapshot (or a 97 answer
     * when the authentication expired). Fails with {@link UnknownAuthentication} when authorization-service has no
     * such pending authentication (already used or unknown), {@link Refused} and {@link NotSent} as
     * {@link #authorize}; any other failure leaves the outcome unknown. No CSC is sent: the page never keeps it.
     */
    Uni<Map<String, Object>> completeAuthentication(String merchantId, String authenticationId, AcsOutcome outcome);

    /**
     * The snapshot of the merchant's transaction, empty when authorization-service answers that it does not
     * exist; a failed Uni when that cannot be known.
     */
    Uni<Optional<Map<String, Object>>> findTransaction(String merchantId, String transactionReference);

    /** authorization-service answered a 4xx problem: it refused the request's content ({@code field} may be null). */
    final class Refused extends RuntimeException {
        private final int status;
        private final String field;

        public Refused(int status, String field) {
            super("authorization refused with HTTP " + status + (field == null ? "" : " on field " + field), null, false, false);
            this.status = status;
            this.field = field;
        }

        public int status() {
            return status;
        }

        public String field() {
            return field;
        }
    }

    /** authorization-service answered 404 to an ACS result: the authentication is unknown or already used. */
    final class UnknownAuthentication extends RuntimeException {
        public UnknownAuthentication() {
            super("no such pending authentication", null, false, false);
        }
    }

    /** The authorization request could not be sent (connection refused): nothing was created. */
    final class NotSent extends RuntimeException {
        public NotSent(Throwable cause) {
            super("authorization request not sent", cause);
        }
    }
}
