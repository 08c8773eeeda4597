package org.caisse.paymentpage.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TicketOutcomeTest {

    @ParameterizedTest
    @CsvSource(nullValues = "null", value = {
            "00, SUCCESS, ACCEPTED",
            "02, null,    REFERRAL",
            "05, FAILURE, AUTHENTICATION_FAILED",
            "05, SUCCESS, REFUSED",
            "05, null,    REFUSED",
            "17, CANCEL,  CANCELLED",
            "97, null,    EXPIRED",
            "90, null,    UNAVAILABLE",
            "99, null,    UNAVAILABLE",
            "63, ERROR,   REFUSED",
            "null, null,  UNAVAILABLE"})
    void theTicketTellsTheOutcomeOfTheResponseCodeAndAFailedAuthenticationApart(String code, String holderAuthentStatus,
                                                                               TicketOutcome expected) {
        assertThat(TicketOutcome.of(code, holderAuthentStatus)).isEqualTo(expected);
    }
}
