package org.caisse.authorization.adapter.out.testcard;

import java.util.Optional;
import org.caisse.authorization.domain.threeds.EnrollmentAnswer;
import org.caisse.common.card.CardBrands;

/**
 * The named scenario of a Sips TEST card (SIPS.md §8, extended by Caisse): digits 7-8 of a number starting with a
 * test prefix (its first six digits pick the brand, its last two the responseCode). Any other pair, or a number
 * too short to carry one, is {@link #CHALLENGE}. Read by the simulated directory server and the test acquirer.
 */
public enum TestCardScenario {
    /** {@code 00}: enrolled, the shopper is challenged at the simulated ACS. */
    CHALLENGE("00", EnrollmentAnswer.ENROLLED_CHALLENGE),
    /** {@code 01}: not enrolled in 3-D Secure. */
    NOT_ENROLLED("01", EnrollmentAnswer.NOT_ENROLLED),
    /** {@code 02}: enrolled, authenticated without a challenge. */
    FRICTIONLESS("02", EnrollmentAnswer.ENROLLED_FRICTIONLESS),
    /** {@code 03}: enrolled with a challenge; the acquirer answers too late for the engine's timeout. */
    ACQUIRER_TIMEOUT("03", EnrollmentAnswer.ENROLLED_CHALLENGE),
    /** {@code 04}: the directory server does not answer. */
    DIRECTORY_UNAVAILABLE("04", EnrollmentAnswer.DIRECTORY_UNAVAILABLE);

    /** 0-based position of the scenario digits: digits 7-8, right after the six-digit test prefix. */
    static final int POSITION = 6;

    private final String digits;
    private final EnrollmentAnswer enrollment;

    TestCardScenario(String digits, EnrollmentAnswer enrollment) {
        this.digits = digits;
        this.enrollment = enrollment;
    }

    /**
     * The scenario of a card number; empty when it is not a Sips test card (then the normal rules apply).
     */
    public static Optional<TestCardScenario> of(String cardNumber) {
        if (!CardBrands.isTestPrefix(cardNumber)) {
            return Optional.empty();
        }
        if (cardNumber.length() < POSITION + 2) {
            return Optional.of(CHALLENGE);
        }
        String pair = cardNumber.substring(POSITION, POSITION + 2);
        for (TestCardScenario scenario : values()) {
            if (scenario.digits.equals(pair)) {
                return Optional.of(scenario);
            }
        }
        return Optional.of(CHALLENGE);
    }

    /** The two digits naming this scenario. */
    public String digits() {
        return digits;
    }

    /** What the simulated directory server answers for a card of this scenario. */
    public EnrollmentAnswer enrollment() {
        return enrollment;
    }

    /** Whether the test acquirer answers only after {@code caisse.test-acquirer.timeout-scenario-delay}. */
    public boolean acquirerTimesOut() {
        return this == ACQUIRER_TIMEOUT;
    }
}
