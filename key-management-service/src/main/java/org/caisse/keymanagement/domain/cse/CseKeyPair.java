package org.caisse.keymanagement.domain.cse;

import java.time.Instant;
import java.util.Objects;

/** A CSE key pair with its clear private key; lives in memory only. {@link #toString()} never shows the private key. */
public record CseKeyPair(CsePublicKey publicKey, CsePrivateJwk privateJwk) {

    public CseKeyPair {
        Objects.requireNonNull(publicKey, "publicKey");
        Objects.requireNonNull(privateJwk, "privateJwk");
    }

    public CseKeyId id() {
        return publicKey.id();
    }

    @Override
    public String toString() {
        Instant notAfter = publicKey.lifecycle().notAfter().orElse(null);
        return "CseKeyPair[" + publicKey.id() + ", status=" + publicKey.lifecycle().status() + ", notAfter="
                + (notAfter == null ? "none" : notAfter) + ", createdAt=" + publicKey.createdAt() + ", private=****]";
    }
}
