package org.caisse.keymanagement.application.port.out;

import org.caisse.keymanagement.domain.cse.CseKeyId;
import org.caisse.keymanagement.domain.cse.CsePrivateJwk;
import org.caisse.keymanagement.domain.cse.CsePublicJwk;

/** Makes CSE key pairs in the one JWE profile of {@link org.caisse.keymanagement.domain.cse.CseAlgorithms}. */
public interface CseKeyPairGenerator {

    /** A fresh pair whose JWKs carry {@code id.kid()}, {@code use=enc} and the profile's {@code alg}. */
    GeneratedCseKeyPair generate(CseKeyId id);

    /** Is {@code privateJwk} the private half of {@code publicJwk}, for the kid of {@code id}? */
    boolean isPairOf(CseKeyId id, CsePublicJwk publicJwk, CsePrivateJwk privateJwk);

    /** A freshly generated pair (its toString hides the private key). */
    record GeneratedCseKeyPair(CsePublicJwk publicJwk, CsePrivateJwk privateJwk) {
    }
}
