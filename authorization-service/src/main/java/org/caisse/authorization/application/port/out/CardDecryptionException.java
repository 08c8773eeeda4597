package org.caisse.authorization.application.port.out;

import java.util.Objects;

/**
 * Why {@code encryptedCardData} could not be opened. The message names the reason and at most the merchant and the
 * key id, never card data; the stack trace is not captured (this is an expected business outcome).
 */
public final class CardDecryptionException extends RuntimeException {

    /** What went wrong; the caller maps it to a Sips response code. */
    public enum Reason {
        /** Not a compact JWE, or a JWE outside the accepted profile (algorithm, encryption, compression, size). */
        MALFORMED,
        /** The key id is absent for this merchant: unknown, or another merchant's. */
        UNKNOWN_KEY,
        /** The key exists but no longer decrypts (deactivated, or deprecated past its notAfter). */
        KEY_NOT_USABLE,
        /** The JWE does not decrypt with the merchant's key (tampered, or encrypted for another key). */
        DECRYPTION_FAILED,
        /** The generation time is too old, or too far in the future. */
        STALE,
        /** Decrypted, but the content is not the expected card data. */
        INVALID_CONTENT,
        /** key-management-service could not answer in time; retrying later may succeed. */
        KEY_SERVICE_UNAVAILABLE
    }

    private final Reason reason;

    public CardDecryptionException(Reason reason, String message) {
        this(reason, message, null);
    }

    public CardDecryptionException(Reason reason, String message, Throwable cause) {
        super(Objects.requireNonNull(reason, "reason") + ": " + message, cause, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
