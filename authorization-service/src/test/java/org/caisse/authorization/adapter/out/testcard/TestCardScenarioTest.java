package org.caisse.authorization.adapter.out.testcard;

import static org.assertj.core.api.Assertions.assertThat;

import org.caisse.authorization.domain.threeds.EnrollmentAnswer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TestCardScenarioTest {

    @ParameterizedTest(name = "digits 7-8 {0} → {1}")
    @CsvSource({"00, CHALLENGE", "01, NOT_ENROLLED", "02, FRICTIONLESS", "03, ACQUIRER_TIMEOUT",
            "04, DIRECTORY_UNAVAILABLE", "05, CHALLENGE", "10, CHALLENGE", "99, CHALLENGE"})
    void digits7And8OfATestCardNameItsScenario(String digits, TestCardScenario expected) {
        for (String prefix : TestCards.PREFIX_BRAND.keySet()) {
            assertThat(TestCardScenario.of(TestCards.card(prefix, digits, "05"))).as(prefix).contains(expected);
        }
    }

    @Test
    void theBriefsExampleIsAVisaCardNotEnrolledAndApproved() {
        assertThat(TestCardScenario.of("4100000100000000")).contains(TestCardScenario.NOT_ENROLLED);
    }

    @Test
    void theResponseCodeDigitsDoNotChangeTheScenario() {
        for (String code : TestCards.SIMULATED_ACQUIRER_CODE.keySet()) {
            assertThat(TestCardScenario.of(TestCards.card("510000", "02", code))).contains(TestCardScenario.FRICTIONLESS);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"4970101122334455", "4111111111111111", "5555555555554444", "411111", ""})
    void aCardOutsideTheTestPrefixesHasNoScenario(String pan) {
        assertThat(TestCardScenario.of(pan)).isEmpty();
    }

    @Test
    void nullHasNoScenario() {
        assertThat(TestCardScenario.of(null)).isEmpty();
    }

    @Test
    void eachScenarioSaysWhatTheDirectoryAndTheAcquirerDo() {
        assertThat(TestCardScenario.CHALLENGE.enrollment()).isEqualTo(EnrollmentAnswer.ENROLLED_CHALLENGE);
        assertThat(TestCardScenario.NOT_ENROLLED.enrollment()).isEqualTo(EnrollmentAnswer.NOT_ENROLLED);
        assertThat(TestCardScenario.FRICTIONLESS.enrollment()).isEqualTo(EnrollmentAnswer.ENROLLED_FRICTIONLESS);
        assertThat(TestCardScenario.ACQUIRER_TIMEOUT.enrollment()).isEqualTo(EnrollmentAnswer.ENROLLED_CHALLENGE);
        assertThat(TestCardScenario.DIRECTORY_UNAVAILABLE.enrollment())
                .isEqualTo(EnrollmentAnswer.DIRECTORY_UNAVAILABLE);
        for (TestCardScenario scenario : TestCardScenario.values()) {
            assertThat(scenario.acquirerTimesOut()).isEqualTo(scenario == TestCardScenario.ACQUIRER_TIMEOUT);
            assertThat(TestCardScenario.of("410000" + scenario.digits() + "00000000")).contains(scenario);
        }
    }
}
