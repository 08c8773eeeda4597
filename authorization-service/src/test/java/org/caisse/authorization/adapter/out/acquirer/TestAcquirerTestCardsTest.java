package org.caisse.authorization.adapter.out.acquirer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smallrye.mutiny.TimeoutException;
import io.smallrye.mutiny.Uni;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.caisse.authorization.adapter.out.testcard.TestCards;
import org.caisse.authorization.application.port.out.AcquirerAuthorizationAnswer;
import org.caisse.authorization.application.port.out.AcquirerAuthorizationRequest;
import org.caisse.authorization.domain.ResponseCodes;
import org.caisse.common.money.Currencies;
import org.caisse.common.money.Money;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every test-card outcome of SIPS.md §8 and every scenario of digits 7-8, at the test acquirer. */
class TestAcquirerTestCardsTest {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T11:00:00Z"), PARIS);
    static final Duration TIMEOUT_DELAY = Duration.ofMillis(600);

    final TestAcquirer acquirer = new TestAcquirer(Duration.ZERO, TIMEOUT_DELAY, CLOCK, PARIS);

    static AcquirerAuthorizationRequest request(String pan, String brand) {
        return new AcquirerAuthorizationRequest("002001000000001",
                Money.of(1000, Currencies.byNumeric("978").orElseThrow()), pan, YearMonth.of(2028, 12), "123", brand);
    }

    AcquirerAuthorizationAnswer authorize(String pan) {
        return acquirer.authorize(request(pan, null)).await().atMost(Duration.ofSeconds(5));
    }

    @Test
    void eachTestPrefixPicksItsBrand() {
        TestCards.PREFIX_BRAND.forEach((prefix, brand) -> {
            var answer = authorize(TestCards.card(prefix, "00", "00"));
            assertThat(answer.brand()).as(prefix).isEqualTo(brand);
            assertThat(answer.approved()).as(prefix).isTrue();
        });
    }

    @Test
    void aCoBadgedTestCardIsAuthorizedUnderItsSecondBrandWhenAsked() {
        TestCards.SECOND_BRAND.forEach((prefix, brand) -> assertThat(acquirer
                .authorize(request(TestCards.card(prefix, "00", "00"), brand)).await().indefinitely().brand())
                .as(prefix).isEqualTo(brand));
    }

    /** The acquirer code of each simulated code, and the Sips code the engine derives from it: the simulated one. */
    @Test
    void everyCodeOfTheLastTwoDigitsRule() {
        TestCards.SIMULATED_ACQUIRER_CODE.forEach((code, acquirerCode) -> {
            for (String prefix : TestCards.PREFIX_BRAND.keySet()) {
                var answer = authorize(TestCards.card(prefix, "00", code));
                assertThat(answer.acquirerResponseCode()).as(prefix + " " + code).isEqualTo(acquirerCode);
                assertThat(answer.approved()).as(prefix + " " + code).isEqualTo(code.equals("00"));
                assertThat(answer.authorisationId() != null).as(prefix + " " + code).isEqualTo(code.equals("00"));
                assertThat(ResponseCodes.fromAcquirer(answer.toResult()).code()).as(prefix + " " + code)
                        .isEqualTo(code);
            }
        });
    }

    @Test
    void referralIssuerUnreachableAndExpiredByTheirDigits() {
        var referral = authorize("4100000000000002");
        assertThat(referral.approved()).isFalse();
        assertThat(ResponseCodes.fromAcquirer(referral.toResult()).code()).isEqualTo("02");
        var unreachable = authorize("5100000000000090");
        assertThat(unreachable.acquirerResponseCode()).isEqualTo("91");
        assertThat(ResponseCodes.fromAcquirer(unreachable.toResult()).code()).isEqualTo("90");
        var expired = authorize("4200000000000054");
        assertThat(expired.acquirerResponseCode()).isEqualTo("54");
        assertThat(ResponseCodes.fromAcquirer(expired.toResult()).code()).isEqualTo("54");
    }

    @Test
    void anUnknownCodeIsApproved() {
        for (String code : TestCards.UNKNOWN_CODES) {
            var answer = authorize(TestCards.card("410000", "00", code));
            assertThat(answer.approved()).as(code).isTrue();
            assertThat(answer.acquirerResponseCode()).as(code).isEqualTo("00");
        }
    }

    @ParameterizedTest(name = "scenario {0} answers at once by the last two digits")
    @ValueSource(strings = {"00", "01", "02", "04", "05", "99"})
    void scenariosOtherThanTheTimeoutAnswerAtOnceByTheLastTwoDigits(String scenario) {
        for (String prefix : TestCards.PREFIX_BRAND.keySet()) {
            var refused = acquirer.authorize(request(TestCards.card(prefix, scenario, "05"), null))
                    .await().atMost(Duration.ofMillis(300));
            assertThat(refused.acquirerResponseCode()).as(prefix).isEqualTo("05");
            var approved = acquirer.authorize(request(TestCards.card(prefix, scenario, "00"), null))
                    .await().atMost(Duration.ofMillis(300));
            assertThat(approved.approved()).as(prefix).isTrue();
        }
    }

    @Test
    void theTimeoutScenarioAnswersOnlyAfterTheConfiguredDelaySoTheEnginesTimeoutFires() {
        String pan = TestCards.card("410000", "03", "00");
        // how the engine bounds the acquirer call
        Uni<AcquirerAuthorizationAnswer> bounded = acquirer.authorize(request(pan, null))
                .ifNoItem().after(Duration.ofMillis(150)).fail();
        assertThatThrownBy(() -> bounded.await().atMost(Duration.ofSeconds(5))).isInstanceOf(TimeoutException.class);

        long start = System.nanoTime();
        var late = acquirer.authorize(request(pan, null)).await().atMost(Duration.ofSeconds(5));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(TIMEOUT_DELAY);
        assertThat(late.approved()).isTrue();
    }

    @Test
    void theTimeoutScenarioDoesNotHoldTheSubscribingThread() throws Exception {
        CompletableFuture<Thread> answeredOn = new CompletableFuture<>();
        long start = System.nanoTime();
        acquirer.authorize(request(TestCards.card("510000", "03", "05"), null))
                .subscribe().with(answer -> answeredOn.complete(Thread.currentThread()),
                        answeredOn::completeExceptionally);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(300));
        assertThat(answeredOn).isNotDone();
        // the answer comes from a timer thread, never from the one that subscribed (an event loop in the service)
        assertThat(answeredOn.get(5, TimeUnit.SECONDS)).isNotSameAs(Thread.currentThread());
    }

    @Test
    void theTimeoutScenarioKeepsTheConfiguredLatencyWhenThatIsLonger() {
        TestAcquirer slow = new TestAcquirer(Duration.ofMillis(400), Duration.ofMillis(100), CLOCK, PARIS);
        long start = System.nanoTime();
        slow.authorize(request(TestCards.card("410000", "03", "00"), null)).await().atMost(Duration.ofSeconds(5));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(400));
    }
}
