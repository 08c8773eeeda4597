package org.caisse.authorization.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.UUID;
import org.caisse.common.money.CurrencyUnit;
import org.caisse.common.money.Currencies;
import org.caisse.common.money.Money;
import org.caisse.common.sips.TransactionStatus;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class TransactionTest {

    static final CurrencyUnit EUR = Currencies.byNumeric("978").orElseThrow();
    static final CurrencyUnit USD = Currencies.byNumeric("840").orElseThrow();
    static final OffsetDateTime NOW = OffsetDateTime.of(2026, 11, 23, 12, 0, 0, 0, ZoneOffset.ofHours(1));
    static final AuthorizationResult APPROVED = new AuthorizationResult(true, "00", "123456", "4D");

    static Transaction requested(CaptureMode mode, int captureDay) {
        MaskedCard card = new MaskedCard("5100##########00", "MASTERCARD", YearMonth.of(2028, 12), "CARD", null);
        return Transaction.request(UUID.randomUUID(), "002001000000001", "TREF0001", Money.of(1000, EUR), mode,
                captureDay, "INTERNET", card, ShopData.empty(), null, NOW);
    }

    static Transaction authorized(CaptureMode mode) {
        return ((TransitionOutcome.Accepted) requested(mode, 0).applyAuthorizationResult(APPROVED, NOW)).transaction();
    }

    static TransitionOutcome.Accepted accepted(TransitionOutcome outcome) {
        assertThat(outcome).isInstanceOf(TransitionOutcome.Accepted.class);
        return (TransitionOutcome.Accepted) outcome;
    }

    static void assertRefusedWith(TransitionOutcome outcome, String code) {
        assertThat(outcome).isInstanceOf(TransitionOutcome.Refused.class);
        assertThat(((TransitionOutcome.Refused) outcome).responseCode().code()).isEqualTo(code);
    }

    @Nested
    class AuthorizationResultApplied {

        @Test
        void approvedAuthorCaptureGoesToCaptureWithLimitDatePlusCaptureDay() {
            var outcome = accepted(requested(CaptureMode.AUTHOR_CAPTURE, 3).applyAuthorizationResult(APPROVED, NOW));
            Transaction t = outcome.transaction();
            assertThat(t.status()).isEqualTo(TransactionStatus.TO_CAPTURE);
            assertThat(t.responseCode().code()).isEqualTo("00");
            assertThat(t.acquirerResponseCode()).isEqualTo("00");
            assertThat(t.authorisationId()).isEqualTo("123456");
            assertThat(t.captureLimitDate()).isEqualTo(LocalDate.of(2026, 11, 26));
            assertThat(t.card().cscResultCode()).isEqualTo("4D");
            assertThat(t.currentAmount()).isEqualTo(Money.of(1000, EUR));
            assertThat(outcome.operation().name()).isEqualTo(OperationName.AUTHORIZATION);
            assertThat(outcome.operation().amount()).isEqualTo(Money.of(1000, EUR));
            assertThat(t.lastOperation()).isEqualTo(outcome.operation());
        }

        @Test
        void approvedValidationGoesToValidate() {
            assertThat(authorized(CaptureMode.VALIDATION).status()).isEqualTo(TransactionStatus.TO_VALIDATE);
        }

        @Test
        void approvedImmediateIsCaptured() {
            assertThat(authorized(CaptureMode.IMMEDIATE).status()).isEqualTo(TransactionStatus.CAPTURED);
        }

        @Test
        void declinedIsRefusedWithTranslatedCodeAndNoAuthorisationId() {
            var declined = new AuthorizationResult(false, "05", null, "4D");
            Transaction t = accepted(requested(CaptureMode.AUTHOR_CAPTURE, 0)
                    .applyAuthorizationResult(declined, NOW)).transaction();
            assertThat(t.status()).isEqualTo(TransactionStatus.REFUSED);
            assertThat(t.responseCode().code()).isEqualTo("05");
            assertThat(t.authorisationId()).isNull();
            assertThat(t.captureLimitDate()).isNull();
        }

        @Test
        void declinedAcquirerCodesTranslateToSipsCodes() {
            assertThat(ResponseCodes.fromAcquirer(new AuthorizationResult(false, "91", null, null)).code()).isEqualTo("90");
            assertThat(ResponseCodes.fromAcquirer(new AuthorizationResult(false, "54", null, null)).code()).isEqualTo("54");
            assertThat(ResponseCodes.fromAcquirer(new AuthorizationResult(false, "02", null, null)).code()).isEqualTo("02");
            assertThat(ResponseCodes.fromAcquirer(new AuthorizationResult(false, "14", null, null)).code()).isEqualTo("14");
            assertThat(ResponseCodes.fromAcquirer(new AuthorizationResult(false, "ZZ", null, null)).code()).isEqualTo("05");
            assertThat(ResponseCodes.fromAcquirer(new AuthorizationResult(false, "00", null, null)).code()).isEqualTo("05");
        }

        @Test
        void resultOnAnAlreadyAuthorizedTransactionIsRefusedWith24() {
            assertRefusedWith(authorized(CaptureMode.AUTHOR_CAPTURE).applyAuthorizationResult(APPROVED, NOW), "24");
        }
    }

    @Nested
    class Cancel {

        @Test
        void partialCancelLowersCurrentAmountAndKeepsStatus() {
            var outcome = accepted(authorized(CaptureMode.AUTHOR_CAPTURE).cancel(Money.of(300, EUR), NOW));
            assertThat(outcome.transaction().currentAmount()).isEqualTo(Money.of(700, EUR));
            assertThat(outcome.transaction().amount()).isEqualTo(Money.of(1000, EUR));
            assertThat(outcome.transaction().status()).isEqualTo(TransactionStatus.TO_CAPTURE);
            assertThat(outcome.operation().name()).isEqualTo(OperationName.CANCEL);
            assertThat(outcome.operation().amount()).isEqualTo(Money.of(300, EUR));
            assertThat(outcome.transaction().lastOperation()).isEqualTo(outcome.operation());
        }

        @Test
        void cancellingTheRemainingAmountCancelsTheTransaction() {
            Transaction partly = accepted(authorized(CaptureMode.VALIDATION).cancel(Money.of(300, EUR), NOW))
                    .transaction();
            Transaction cancelled = accepted(partly.cancel(Money.of(700, EUR), NOW)).transaction();
            assertThat(cancelled.status()).isEqualTo(TransactionStatus.CANCELLED);
            assertThat(cancelled.currentAmount().minorUnits()).isZero();
        }

        @Test
        void cancelIsAllowedWhileWaitingForAuthorization() {
            var outcome = accepted(requested(CaptureMode.AUTHOR_CAPTURE, 0).cancel(Money.of(1000, EUR), NOW));
            assertThat(outcome.transaction().status()).isEqualTo(TransactionStatus.CANCELLED);
        }

        @Test
        void amountAboveRemainingIsRefusedWith24() {
            Transaction partly = accepted(authorized(CaptureMode.AUTHOR_CAPTURE).cancel(Money.of(300, EUR), NOW))
                    .transaction();
            assertRefusedWith(partly.cancel(Money.of(701, EUR), NOW), "24");
        }

        @Test
        void zeroOrNegativeAmountIsRefusedWith24() {
            assertRefusedWith(authorized(CaptureMode.AUTHOR_CAPTURE).cancel(Money.of(0, EUR), NOW), "24");
            assertRefusedWith(authorized(CaptureMode.AUTHOR_CAPTURE).cancel(Money.of(-5, EUR), NOW), "24");
        }

        @Test
        void otherCurrencyIsRefusedWith12() {
            assertRefusedWith(authorized(CaptureMode.AUTHOR_CAPTURE).cancel(Money.of(100, USD), NOW), "12");
        }

        @Test
        void capturedRefusedAndCancelledTransactionsCannotBeCancelled() {
            assertRefusedWith(authorized(CaptureMode.IMMEDIATE).cancel(Money.of(100, EUR), NOW), "24");
            Transaction refused = accepted(requested(CaptureMode.AUTHOR_CAPTURE, 0)
                    .applyAuthorizationResult(new AuthorizationResult(false, "05", null, null), NOW)).transaction();
            assertRefusedWith(refused.cancel(Money.of(100, EUR), NOW), "24");
            Transaction cancelled = accepted(authorized(CaptureMode.AUTHOR_CAPTURE).cancel(Money.of(1000, EUR), NOW))
                    .transaction();
            assertRefusedWith(cancelled.cancel(Money.of(1, EUR), NOW), "24");
        }

        @Test
        void statusCheckComesBeforeTheCurrencyCheck() {
            assertRefusedWith(authorized(CaptureMode.IMMEDIATE).cancel(Money.of(100, USD), NOW), "24");
        }
    }

    @Nested
    class Invariants {

        @Test
        void captureDayOutside0To99IsRejected() {
            assertThatThrownBy(() -> requested(CaptureMode.AUTHOR_CAPTURE, 100))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> requested(CaptureMode.AUTHOR_CAPTURE, -1))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void aMaskedCardNeverHoldsAFullPan() {
            assertThatThrownBy(() -> new MaskedCard("5100000000000000", "MASTERCARD", YearMonth.of(2028, 12), "CARD",
                    null)).isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void transitionsLeaveTheOriginalUnchanged() {
            Transaction original = authorized(CaptureMode.AUTHOR_CAPTURE);
            original.cancel(Money.of(300, EUR), NOW);
            assertThat(original.currentAmount()).isEqualTo(Money.of(1000, EUR));
        }
    }
}
