package org.caisse.keymanagement.adapter.in.rest;

import com.fasterxml.jackson.annotation.JsonRawValue;
import java.time.Instant;
import org.caisse.keymanagement.domain.cse.CseKeyPair;

/**
 * The 200 body of {@code GET /internal/v1/merchants/{merchantId}/cse-keys/{kid}} (platform contracts):
 * {@code privateJwk} is the whole private JWK (P-256, with {@code d}). {@code toString} hides it.
 */
public record CsePrivateKeyResponse(String merchantId, String kid, String status, Instant notAfter,
                                    Instant createdAt, @JsonRawValue String privateJwk) {

    static CsePrivateKeyResponse of(CseKeyPair pair) {
        var publicKey = pair.publicKey();
        return new CsePrivateKeyResponse(publicKey.id().merchantId().value(), publicKey.id().kid(),
                publicKey.lifecycle().status().name(), publicKey.lifecycle().notAfter().orElse(null),
                publicKey.createdAt(), pair.privateJwk().reveal());
    }

    @Override
    public String toString() {
        return "CsePrivateKeyResponse[merchantId=" + merchantId + ", kid=" + kid + ", status=" + status
                + ", notAfter=" + notAfter + ", createdAt=" + createdAt + ", privateJwk=****]";
    }
}
