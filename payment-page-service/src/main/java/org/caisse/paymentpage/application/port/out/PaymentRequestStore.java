package org.caisse.paymentpage.application.port.out;

import io.smallrye.mutiny.Uni;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.caisse.paymentpage.domain.PaymentRequest;
import org.caisse.paymentpage.domain.PaymentStatus;
import org.caisse.paymentpage.domain.PendingAuthentication;

/** Where payment requests live. */
public interface PaymentRequestStore {

    /** Stores a new request; {@code false} when the merchant already used its transaction reference. */
    Uni<Boolean> insert(PaymentRequest request);

    Uni<Optional<PaymentRequest>> find(UUID id);

    /** Moves the request from {@code from} to {@code to}; {@code false} when it was not in {@code from}. */
    Uni<Boolean> transition(UUID id, PaymentStatus from, PaymentStatus to);

    /**
     * Moves the request from AUTHORIZING to AUTHENTICATING with the authentication authorization-service waits for;
     * {@code false} when it was not AUTHORIZING.
     */
    Uni<Boolean> awaitAuthentication(UUID id, PendingAuthentication authentication);

    /** Completes the request with its snapshot, only if it is in {@code from}; {@code false} otherwise. */
    Uni<Boolean> complete(UUID id, PaymentStatus from, Map<String, Object> snapshot);
}
