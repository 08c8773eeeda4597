package org.caisse.authorization.adapter.out.acquirer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import org.caisse.authorization.application.port.out.AcquirerAuthorizationAnswer;
import org.caisse.authorization.application.port.out.AcquirerAuthorizationRequest;
import org.caisse.common.money.Currencies;
import org.caisse.common.money.Money;
import org.junit.jupiter.api.Test;

class TestAcquirerTest {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    final TestAcquirer acquirer = new TestAcquirer(Duration.ZERO,
            Clock.fixed(Instant.parse("2026-11-23T11:00:00Z"), PARIS), PARIS);

    AcquirerAuthorizationAnswer authorize(String pan, YearMonth expiry) {
        return acquirer.authorize(new AcquirerAuthorizationRequest("002001000000001",
                Money.of(1000, Currencies.byNumeric("978").orElseThrow()), pan, expiry, "123", null))
                .await().indefinitely();
    }

    AcquirerAuthorizationAnswer authorize(String pan) {
        return authorize(pan, YearMonth.of(2028, 12));
    }

    @Test
    void mastercardTestCardEndingIn00IsApprovedWithSixDigitAuthorisationId() {
        var answer = authorize("5100000000000000");
        assertThat(answer.approved()).isTrue();
        assertThat(answer.brand()).isEqualTo("MASTERCARD");
        assertThat(answer.acquirerResponseCode()).isEqualTo("00");
        assertThat(answer.authorisationId()).matches("\\d{6}");
        assertThat(answer.cardCSCResultCode()).isEqualTo("4D");
    }

    @Test
    void visaTestCardEndingIn05IsRefused() {
        var answer = authorize("4100000000000005");
        assertThat(answer.approved()).isFalse();
        assertThat(answer.brand()).isEqualTo("VISA");
        assertThat(answer.acquirerResponseCode()).isEqualTo("05");
        assertThat(answer.authorisationId()).isNull();
    }

    @Test
    void testCardEndingIn02IsAReferral() {
        var answer = authorize("4100000000000002");
        assertThat(answer.approved()).isFalse();
        assertThat(answer.acquirerResponseCode()).isEqualTo("02");
    }

    @Test
    void unknownCodeInTheLastTwoDigitsIsApproved() {
        var answer = authorize("4100000000000047");
        assertThat(answer.approved()).isTrue();
        assertThat(answer.acquirerResponseCode()).isEqualTo("00");
    }

    @Test
    void simulatedCodesMapToAcquirerCodes() {
        assertThat(authorize("4100000000000014").acquirerResponseCode()).isEqualTo("14");
        assertThat(authorize("4100000000000051").acquirerResponseCode()).isEqualTo("51");
        assertThat(authorize("4100000000000054").acquirerResponseCode()).isEqualTo("54");
        assertThat(authorize("4100000000000090").acquirerResponseCode()).isEqualTo("91");
    }

    @Test
    void luhnIsNotCheckedForTestPrefixes() {
        // 5100000000000001 fails Luhn, yet the test prefix makes it a test card (code 01 unknown → approved)
        assertThat(authorize("5100000000000001").approved()).isTrue();
    }

    @Test
    void luhnIsCheckedOutsideTestPrefixes() {
        var invalid = authorize("4970101122334454");
        assertThat(invalid.approved()).isFalse();
        assertThat(invalid.acquirerResponseCode()).isEqualTo("14");
        var valid = authorize("4970101122334455");
        assertThat(valid.approved()).isTrue();
    }

    @Test
    void expiredCardIsRefusedWith54() {
        var answer = authorize("5100000000000000", YearMonth.of(2026, 10));
        assertThat(answer.approved()).isFalse();
        assertThat(answer.acquirerResponseCode()).isEqualTo("54");
        assertThat(authorize("5100000000000000", YearMonth.of(2026, 11)).approved()).isTrue();
    }

    @Test
    void coBadgedCardHonoursTheRequestedBrand() {
        var answer = acquirer.authorize(new AcquirerAuthorizationRequest("002001000000001",
                Money.of(1000, Currencies.byNumeric("978").orElseThrow()), "4300000000000000", YearMonth.of(2028, 12),
                null, "VISA")).await().indefinitely();
        assertThat(answer.brand()).isEqualTo("VISA");
        assertThat(answer.cardCSCResultCode()).isEqualTo("53");
    }

    @Test
    void requestNeverShowsTheCardNumberInToString() {
        var request = new AcquirerAuthorizationRequest("002001000000001",
                Money.of(1000, Currencies.byNumeric("978").orElseThrow()), "4970101122334422", YearMonth.of(2028, 12),
                "123", null);
        assertThat(request.toString()).doesNotContain("4970101122334422").doesNotContain("123,");
    }
}
