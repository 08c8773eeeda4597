package org.caisse.authorization.domain.risk;

import java.util.Objects;
import org.caisse.common.sips.ResponseCode;

/** What the merchant's fraud rules say about a payment, before any 3-D Secure step or acquirer call. */
public sealed interface FraudDecision {

    /**
     * The payment may go on.
     *
     * @param threeDSecureMandatory the {@link FraudRule#FORCED_THREE_D_SECURE} rule fired: the payment may only go on
     *                              with a liability shift (authenticated or attempted 3-D Secure)
     */
    record Pass(boolean threeDSecureMandatory) implements FraudDecision {
    }

    /**
     * The payment is refused without asking the acquirer.
     *
     * @param responseCode the Sips responseCode to answer ({@code 51}, {@code 63} or {@code 75})
     * @param rule         the rule that fired, for the back office
     */
    record Refuse(ResponseCode responseCode, FraudRule rule) implements FraudDecision {
        public Refuse {
            Objects.requireNonNull(responseCode, "responseCode");
            Objects.requireNonNull(rule, "rule");
        }
    }
}
