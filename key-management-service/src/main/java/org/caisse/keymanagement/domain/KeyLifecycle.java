package org.caisse.keymanagement.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The status of a key version and the instant after which a deprecated version stops verifying.
 * Holds the rule "may this version verify a seal now?" without needing the secret material.
 */
public record KeyLifecycle(KeyStatus status, Optional<Instant> notAfter) {

    public KeyLifecycle {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(notAfter, "notAfter");
    }

    public static KeyLifecycle active() {
        return new KeyLifecycle(KeyStatus.ACTIVE, Optional.empty());
    }

    public static KeyLifecycle requested() {
        return new KeyLifecycle(KeyStatus.REQUESTED, Optional.empty());
    }

    public static KeyLifecycle of(KeyStatus status, Instant notAfterOrNull) {
        return new KeyLifecycle(status, Optional.ofNullable(notAfterOrNull));
    }

    /**
     * A key verifies seals when it is {@code ACTIVE} (until its {@code notAfter}, if one is set) or
     * {@code DEPRECATED} strictly before its {@code notAfter}. A deprecated key without a {@code notAfter}
     * does not verify: deprecation always comes with a deadline.
     */
    public boolean isUsableForVerificationAt(Instant now) {
        Objects.requireNonNull(now, "now");
        return switch (status) {
            case ACTIVE -> notAfter.map(now::isBefore).orElse(true);
            case DEPRECATED -> notAfter.map(now::isBefore).orElse(false);
            case REQUESTED, DEACTIVATED, DESTROYED -> false;
        };
    }
}
