package org.caisse.paymentpage.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * The 3-D Secure authentication authorization-service keeps for a request it answered 60: its id (to send the
 * ACS result to) and when authorization-service stops accepting it.
 */
public record PendingAuthentication(String id, Instant expiresAt) {

    public PendingAuthentication {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    public boolean isExpiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
