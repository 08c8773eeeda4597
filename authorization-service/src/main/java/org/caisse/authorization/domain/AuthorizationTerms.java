package org.caisse.authorization.domain;

import java.util.Objects;

/**
 * How a new transaction is authorized.
 *
 * @param authorizationValidityDays how many days an authorization holds at the acquirer: an AUTHOR_CAPTURE payment
 *                                  captured later than that is authorized again by the remittance run
 * @param firstOperation            the name recorded for the first operation ({@code AUTHORIZATION} or
 *                                  {@code DUPLICATE})
 */
public record AuthorizationTerms(int authorizationValidityDays, OperationName firstOperation) {

    /** No deferral, a plain authorization. */
    public static final AuthorizationTerms STANDARD = new AuthorizationTerms(Integer.MAX_VALUE, OperationName.AUTHORIZATION);

    public AuthorizationTerms {
        if (authorizationValidityDays < 0) {
            throw new IllegalArgumentException("authorizationValidityDays must not be negative");
        }
        Objects.requireNonNull(firstOperation, "firstOperation");
    }
}
