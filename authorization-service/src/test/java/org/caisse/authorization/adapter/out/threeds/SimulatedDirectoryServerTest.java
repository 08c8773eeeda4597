package org.caisse.authorization.adapter.out.threeds;

import static org.assertj.core.api.Assertions.assertThat;

import org.caisse.authorization.adapter.out.testcard.TestCards;
import org.caisse.authorization.domain.threeds.EnrollmentAnswer;
import org.caisse.common.money.Currencies;
import org.caisse.common.money.Money;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SimulatedDirectoryServerTest {

    final SimulatedDirectoryServer directory = new SimulatedDirectoryServer();

    EnrollmentAnswer enrollment(String pan) {
        return directory.checkEnrollment("002001000000001", pan,
                Money.of(1000, Currencies.byNumeric("978").orElseThrow())).await().indefinitely();
    }

    @Test
    void everyTestPrefixIsEnrolledWithAChallengeByDefault() {
        for (String prefix : TestCards.PREFIX_BRAND.keySet()) {
            assertThat(enrollment(TestCards.card(prefix, "00", "00"))).as(prefix)
                    .isEqualTo(EnrollmentAnswer.ENROLLED_CHALLENGE);
        }
    }

    @Test
    void theResponseCodeDigitsDoNotChangeTheEnrollment() {
        for (String code : TestCards.SIMULATED_ACQUIRER_CODE.keySet()) {
            assertThat(enrollment(TestCards.card("410000", "00", code))).as(code)
                    .isEqualTo(EnrollmentAnswer.ENROLLED_CHALLENGE);
            assertThat(enrollment(TestCards.card("410000", "01", code))).as(code)
                    .isEqualTo(EnrollmentAnswer.NOT_ENROLLED);
        }
        for (String code : TestCards.UNKNOWN_CODES) {
            assertThat(enrollment(TestCards.card("510000", "02", code))).as(code)
                    .isEqualTo(EnrollmentAnswer.ENROLLED_FRICTIONLESS);
        }
    }

    @ParameterizedTest(name = "scenario {0} → {1}")
    @CsvSource({"00, ENROLLED_CHALLENGE", "01, NOT_ENROLLED", "02, ENROLLED_FRICTIONLESS",
            "03, ENROLLED_CHALLENGE", "04, DIRECTORY_UNAVAILABLE", "07, ENROLLED_CHALLENGE"})
    void eachScenarioOfEveryPrefix(String scenario, EnrollmentAnswer expected) {
        for (String prefix : TestCards.PREFIX_BRAND.keySet()) {
            assertThat(enrollment(TestCards.card(prefix, scenario, "00"))).as(prefix).isEqualTo(expected);
        }
    }

    @Test
    void theBriefsExampleIsNotEnrolled() {
        assertThat(enrollment("4100000100000000")).isEqualTo(EnrollmentAnswer.NOT_ENROLLED);
    }

    @Test
    void aRealLookingCardIsEnrolledWhenLuhnValidAndNotOtherwise() {
        assertThat(enrollment("4970101122334455")).isEqualTo(EnrollmentAnswer.ENROLLED_CHALLENGE);
        assertThat(enrollment("4970101122334454")).isEqualTo(EnrollmentAnswer.NOT_ENROLLED);
        // a Luhn-valid number whose digits 7-8 would be a scenario means nothing outside the test prefixes
        assertThat(enrollment("4111110100000004")).isEqualTo(EnrollmentAnswer.ENROLLED_CHALLENGE);
    }
}
