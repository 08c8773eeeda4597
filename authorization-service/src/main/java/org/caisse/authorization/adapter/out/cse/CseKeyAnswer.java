package org.caisse.authorization.adapter.out.cse;

import com.nimbusds.jose.jwk.ECKey;
import java.time.Instant;

/** What key-management-service said about a (merchant, kid); a failure to answer is not one of these. */
sealed interface CseKeyAnswer {

    /** 200: the private key, usable until {@code notAfter} ({@code null}: no deadline). */
    record Found(ECKey privateKey, Instant notAfter) implements CseKeyAnswer {
        @Override
        public String toString() {
            return "Found[kid=" + privateKey.getKeyID() + ", notAfter=" + notAfter + "]";
        }
    }

    /** 404 (or 400: a reference the key service refuses cannot name a key). */
    record Unknown() implements CseKeyAnswer {
    }

    /** 410: the key exists but no longer decrypts. */
    record NotUsable(String status) implements CseKeyAnswer {
    }
}
