package org.caisse.keymanagement.domain.cse;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The private JSON Web Key of a CSE key pair (with its {@code d}). Never shown by {@link #toString()}; read it only
 * where it leaves the service ({@link #reveal()}) or is sealed at rest.
 */
public final class CsePrivateJwk {

    /** A P-256 private JWK is about 250 characters; this bounds what the store may bring back. */
    public static final int MAX_LENGTH = 4096;

    private final String json;

    private CsePrivateJwk(String json) {
        this.json = json;
    }

    public static CsePrivateJwk of(String json) {
        Objects.requireNonNull(json, "json");
        if (json.isBlank() || json.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("private JWK must be non-blank JSON of at most " + MAX_LENGTH
                    + " characters");
        }
        return new CsePrivateJwk(json);
    }

    public static CsePrivateJwk fromUtf8(byte[] bytes) {
        return of(new String(bytes, StandardCharsets.UTF_8));
    }

    public String reveal() {
        return json;
    }

    public byte[] toUtf8() {
        return json.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "CsePrivateJwk[****]";
    }
}
