package org.caisse.keymanagement.application;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.caisse.keymanagement.domain.KeyLifecycle;
import org.caisse.keymanagement.domain.cse.CseKeyId;

/** A CSE key pair as listed to people: identity, lifecycle and dates, never the private key. */
public record CseKeyView(CseKeyId id, KeyLifecycle lifecycle, Instant createdAt, Optional<Instant> activatedAt,
                         Optional<Instant> deactivatedAt) {

    public CseKeyView {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(lifecycle, "lifecycle");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(activatedAt, "activatedAt");
        Objects.requireNonNull(deactivatedAt, "deactivatedAt");
    }
}
