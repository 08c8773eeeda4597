package org.caisse.keymanagement.adapter.in.rest;

import com.fasterxml.jackson.annotation.JsonRawValue;
import java.time.Instant;
import org.caisse.keymanagement.domain.cse.CsePublicKey;

/** The 201 body of {@code POST /internal/v1/merchants/{merchantId}/cse-keys}: the new pair's public side. */
public record CseKeyCreatedResponse(String merchantId, String kid, String status, Instant createdAt,
                                    Instant notAfter, @JsonRawValue String publicJwk) {

    static CseKeyCreatedResponse of(CsePublicKey key) {
        return new CseKeyCreatedResponse(key.id().merchantId().value(), key.id().kid(),
                key.lifecycle().status().name(), key.createdAt(), key.lifecycle().notAfter().orElse(null),
                key.publicJwk().json());
    }
}
