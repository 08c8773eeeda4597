package org.caisse.keymanagement.domain.cse;

import java.time.Instant;
import java.util.Objects;
import org.caisse.keymanagement.domain.KeyLifecycle;
import org.caisse.keymanagement.domain.KeyStatus;

/**
 * What may be said about a CSE key pair without its private half: identity, lifecycle, creation time, public JWK.
 *
 * <p>The lifecycle is the one of seal keys ({@link KeyLifecycle}): {@code ACTIVE}, {@code DEPRECATED} until its
 * {@code notAfter}, {@code DEACTIVATED}. A pair decrypts while {@link KeyLifecycle#isUsableForVerificationAt} holds;
 * shops are given only the pairs they should encrypt with now ({@link #isOfferedForEncryptionAt}).
 */
public record CsePublicKey(CseKeyId id, KeyLifecycle lifecycle, Instant createdAt, CsePublicJwk publicJwk) {

    public CsePublicKey {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(lifecycle, "lifecycle");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(publicJwk, "publicJwk");
    }

    /** May data encrypted for this pair be decrypted at {@code now}? */
    public boolean isUsableForDecryptionAt(Instant now) {
        return lifecycle.isUsableForVerificationAt(now);
    }

    /**
     * Should a shop encrypt new card data with this pair at {@code now}? Only an {@code ACTIVE}, usable pair: a
     * deprecated pair still decrypts until its {@code notAfter}, but new data must go to its successor.
     */
    public boolean isOfferedForEncryptionAt(Instant now) {
        return lifecycle.status() == KeyStatus.ACTIVE && isUsableForDecryptionAt(now);
    }
}
