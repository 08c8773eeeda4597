package org.caisse.authorization.domain.risk;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.caisse.common.money.Money;

/**
 * What the fraud rules look at in a payment. Holds no full card number: only its leading digits.
 *
 * @param amount                   the amount to authorize
 * @param bin                      the 6 to 8 leading digits of the card number; give 8 ({@link #binOf}) so that 8-digit
 *                                 blocked prefixes can match
 * @param cardCountry              the ISO 3166 alpha-2 country of issue, empty when unknown
 * @param previousAttemptsInWindow authorization attempts of this card at this merchant already made within the
 *                                 velocity window, whatever their outcome, the current one not included
 * @param threeDSecureCapable      whether this payment's channel can run a 3-D Secure challenge (a shopper in a
 *                                 browser or an app)
 */
public record PaymentRiskFacts(Money amount, String bin, Optional<String> cardCountry, int previousAttemptsInWindow,
                               boolean threeDSecureCapable) {

    private static final Pattern BIN = Pattern.compile("\\d{6,8}");

    public PaymentRiskFacts {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(cardCountry, "cardCountry");
        if (bin == null || !BIN.matcher(bin).matches()) {
            throw new IllegalArgumentException("bin must be 6 to 8 digits");
        }
        if (previousAttemptsInWindow < 0) {
            throw new IllegalArgumentException("previousAttemptsInWindow must not be negative");
        }
    }

    /** The first 8 digits of a card number (PCI DSS allows them with the last 4), all of it when shorter. */
    public static String binOf(String cardNumber) {
        Objects.requireNonNull(cardNumber, "cardNumber");
        return cardNumber.substring(0, Math.min(8, cardNumber.length()));
    }
}
