package org.caisse.keymanagement.application.port.out;

import java.time.Instant;
import java.util.Objects;
import org.caisse.keymanagement.domain.KeyEnvironment;
import org.caisse.keymanagement.domain.KeyLifecycle;
import org.caisse.keymanagement.domain.MerchantKeyId;

/** What may be shown about a key version without its secret: identity, environment, lifecycle, creation time. */
public record KeyVersionSummary(MerchantKeyId id, KeyEnvironment environment, KeyLifecycle lifecycle,
                                Instant createdAt) {

    public KeyVersionSummary {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(lifecycle, "lifecycle");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
