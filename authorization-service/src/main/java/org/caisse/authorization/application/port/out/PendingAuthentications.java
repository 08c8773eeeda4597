package org.caisse.authorization.application.port.out;

import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.caisse.authorization.application.AuthorizeCommand;

/** Authorizations waiting for the cardholder's 3-D Secure challenge. */
public interface PendingAuthentications {

    /**
     * @param request   the authorization request; its card is NOT stored (only {@code cardId}, a vaulted card)
     * @param mandatory whether the merchant's rules made 3-D Secure mandatory for this payment
     */
    Uni<Void> save(UUID id, AuthorizeCommand request, UUID cardId, boolean mandatory, Instant expiresAt);

    /** Removes and returns the pending authentication of that merchant: a result can be applied once only. */
    Uni<Optional<Pending>> take(UUID id, String merchantId);

    record Pending(UUID id, AuthorizeCommand requestWithoutCard, UUID cardId, boolean mandatory, Instant expiresAt) {
    }
}
