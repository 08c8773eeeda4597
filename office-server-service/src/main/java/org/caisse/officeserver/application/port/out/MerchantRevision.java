package org.caisse.officeserver.application.port.out;

import java.time.Instant;
import java.util.Objects;

/**
 * A stored change of a merchant's settings: its {@code version} (1 for a new merchant, then +1 per change, in
 * commit order) and the database time at which the merchant row was written.
 */
public record MerchantRevision(long version, Instant updatedAt) {

    public MerchantRevision {
        if (version < 1) {
            throw new IllegalArgumentException("version must be at least 1");
        }
        Objects.requireNonNull(updatedAt, "updatedAt");
    }
}
