package org.caisse.keymanagement.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;

/**
 * The secret of a merchant key (the HMAC seal key, as text). Never shown by {@link #toString()}; read it
 * only where it must leave the service ({@link #reveal()}).
 */
public final class SecretKeyMaterial {

    /** Sips keys are short ASCII strings; this bounds what an import may bring. */
    public static final int MAX_LENGTH = 512;

    private final String secret;

    private SecretKeyMaterial(String secret) {
        this.secret = secret;
    }

    public static SecretKeyMaterial of(String secret) {
        Objects.requireNonNull(secret, "secret");
        if (secret.isBlank()) {
            throw new IllegalArgumentException("secret key material must not be blank");
        }
        if (secret.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("secret key material is longer than " + MAX_LENGTH + " characters");
        }
        return new SecretKeyMaterial(secret);
    }

    public static SecretKeyMaterial fromUtf8(byte[] bytes) {
        return of(new String(bytes, StandardCharsets.UTF_8));
    }

    /** The secret itself. */
    public String reveal() {
        return secret;
    }

    public byte[] toUtf8() {
        return secret.getBytes(StandardCharsets.UTF_8);
    }

    /** Constant-time comparison. */
    @Override
    public boolean equals(Object other) {
        return other instanceof SecretKeyMaterial that
                && MessageDigest.isEqual(toUtf8(), that.toUtf8());
    }

    @Override
    public int hashCode() {
        return 0; // deliberately uninformative: a hash of the secret would leak it to hash-based structures
    }

    @Override
    public String toString() {
        return "SecretKeyMaterial[****]";
    }
}
