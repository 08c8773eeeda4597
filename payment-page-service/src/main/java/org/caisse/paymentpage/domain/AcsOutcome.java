package org.caisse.paymentpage.domain;

import java.util.Optional;

/**
 * What the shopper answered at the ACS, as authorization-service's {@code POST /internal/v1/authentications/{id}}
 * takes it. authorization-service decides what each means (FAILURE → 05, CANCELLED → 17, SUCCESS/ATTEMPT → acquirer,
 * ERROR → acquirer unless 3-D Secure is mandatory).
 */
public enum AcsOutcome {
    SUCCESS, ATTEMPT, FAILURE, CANCELLED, ERROR;

    /** The outcome named exactly by {@code value}; empty for anything else. */
    public static Optional<AcsOutcome> parse(String value) {
        for (AcsOutcome outcome : values()) {
            if (outcome.name().equals(value)) {
                return Optional.of(outcome);
            }
        }
        return Optional.empty();
    }
}
