package org.caisse.authorization.domain;

import java.util.Objects;

/**
 * The acquirer's answer to an authorization request, as the domain needs it.
 *
 * @param approved              whether the issuer approved
 * @param acquirerResponseCode  ISO 8583 style two-character code
 * @param authorisationId       the issuer's authorization number when approved
 * @param cscResultCode         cardCSCResultCode, may be null
 */
public record AuthorizationResult(boolean approved, String acquirerResponseCode, String authorisationId, String cscResultCode) {
    public AuthorizationResult {
        Objects.requireNonNull(acquirerResponseCode, "acquirerResponseCode");
    }
}
