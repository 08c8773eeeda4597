package org.caisse.keymanagement.domain.cse;

import java.util.Objects;

/** The public half of a CSE key pair as a JSON Web Key (JSON text): safe to publish. */
public record CsePublicJwk(String json) {

    public CsePublicJwk {
        Objects.requireNonNull(json, "json");
        if (json.isBlank()) {
            throw new IllegalArgumentException("public JWK must not be blank");
        }
    }
}
