package org.caisse.authorization.domain.risk;

import java.util.Objects;

/**
 * Applies a merchant's fraud rules to a payment. The rules are tried in the declaration order of {@link FraudRule}
 * (blocked BIN, blocked country, card velocity, amount ceiling, forced 3-D Secure) and the first one that fires
 * decides, so the answer is deterministic when several would.
 */
public final class FraudEvaluation {

    private FraudEvaluation() {
    }

    public static FraudDecision evaluate(FraudRules rules, PaymentRiskFacts facts) {
        Objects.requireNonNull(rules, "rules");
        Objects.requireNonNull(facts, "facts");
        for (FraudRule rule : FraudRule.values()) {
            if (fires(rule, rules, facts)) {
                if (rule == FraudRule.FORCED_THREE_D_SECURE && facts.threeDSecureCapable()) {
                    return new FraudDecision.Pass(true);
                }
                return new FraudDecision.Refuse(rule.responseCode(), rule);
            }
        }
        return new FraudDecision.Pass(false);
    }

    private static boolean fires(FraudRule rule, FraudRules rules, PaymentRiskFacts facts) {
        return switch (rule) {
            case BLOCKED_BIN -> rules.binBlocked(facts.bin());
            case BLOCKED_COUNTRY -> rules.countryBlocked(facts.cardCountry());
            case CARD_VELOCITY -> rules.cardVelocity().map(v -> v.exceededBy(facts.previousAttemptsInWindow()))
                    .orElse(false);
            case AMOUNT_CEILING -> rules.aboveCeiling(facts.amount());
            case FORCED_THREE_D_SECURE -> rules.threeDSecureForced(facts.amount());
        };
    }
}
