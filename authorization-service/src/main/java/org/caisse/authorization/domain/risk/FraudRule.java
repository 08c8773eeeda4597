package org.caisse.authorization.domain.risk;

import org.caisse.common.sips.ResponseCode;

/**
 * A merchant fraud rule, named in the back office when it refuses a payment (never shown to the shopper). The
 * declaration order is the evaluation order of {@link FraudEvaluation}: the card itself first (a blocked card is
 * refused whatever the amount), then its recent use, then the amount, and the 3-D Secure requirement last because
 * it is the only rule that can let the payment go on.
 */
public enum FraudRule {
    /** The card number starts with a blocked BIN prefix → 63. */
    BLOCKED_BIN(ResponseCode.SECURITY_RULES_NOT_MET),
    /** The card was issued in a blocked country → 63. */
    BLOCKED_COUNTRY(ResponseCode.SECURITY_RULES_NOT_MET),
    /** The card already made the allowed number of attempts at this merchant within the window → 75. */
    CARD_VELOCITY(ResponseCode.TOO_MANY_ATTEMPTS),
    /** The amount is above the merchant's ceiling for its currency → 51. */
    AMOUNT_CEILING(ResponseCode.AMOUNT_TOO_HIGH),
    /** 3-D Secure is forced for this amount but the channel cannot run a challenge → 63. */
    FORCED_THREE_D_SECURE(ResponseCode.SECURITY_RULES_NOT_MET);

    private final ResponseCode responseCode;

    FraudRule(ResponseCode responseCode) {
        this.responseCode = responseCode;
    }

    /** The Sips responseCode answered when this rule refuses a payment. */
    public ResponseCode responseCode() {
        return responseCode;
    }
}
