package org.caisse.authorization.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.caisse.authorization.domain.TransactionTest.APPROVED;
import static org.caisse.authorization.domain.TransactionTest.EUR;
import static org.caisse.authorization.domain.TransactionTest.NOW;
import static org.caisse.authorization.domain.TransactionTest.USD;
import static org.caisse.authorization.domain.TransactionTest.accepted;
import static org.caisse.authorization.domain.TransactionTest.assertRefusedWith;
import static org.caisse.authorization.domain.TransactionTest.authorized;
import static org.caisse.authorization.domain.TransactionTest.requested;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.UUID;
import org.caisse.common.money.Money;
import org.caisse.common.sips.TransactionStatus;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Validate, capture, refund, credit, referral, deferred authorization and expiry (SIPS.md §7). */
class TransactionLifecycleTest {

    static Transaction captured() {
        return accepted(authorized(CaptureMode.AUTHOR_CAPTURE).capture(NOW)).transaction();
    }

    @Nested
    class Validate {

        @Test
        void partialValidationKeepsTheValidatedAmountForCaptureToday() {
            var outcome = accepted(authorized(CaptureMode.VALIDATION).validate(Money.of(600, EUR), NOW.plusDays(2)));
            Transaction t = outcome.transaction();
            assertThat(t.status()).isEqualTo(TransactionStatus.TO_CAPTURE);
            assertThat(t.currentAmount()).isEqualTo(Money.of(600, EUR));
            assertThat(t.captureLimitDate()).isEqualTo(NOW.plusDays(2).toLocalDate());
            assertThat(outcome.operation().name()).isEqualTo(OperationName.VALIDATION);
        }

        @Test
        void validationAboveTheAuthorizedAmountOrOtherCurrencyOrTwiceIsRefused() {
            Transaction waiting = authorized(CaptureMode.VALIDATION);
            assertRefusedWith(waiting.validate(Money.of(1001, EUR), NOW), "24");
            assertRefusedWith(waiting.validate(Money.of(0, EUR), NOW), "24");
            assertRefusedWith(waiting.validate(Money.of(10, USD), NOW), "12");
            Transaction validated = accepted(waiting.validate(Money.of(1000, EUR), NOW)).transaction();
            assertRefusedWith(validated.validate(Money.of(1, EUR), NOW), "24");
            assertRefusedWith(authorized(CaptureMode.AUTHOR_CAPTURE).validate(Money.of(1, EUR), NOW), "24");
        }
    }

    @Nested
    class CaptureAndRefund {

        @Test
        void captureRecordsTheCapturedAmountAndClosesCancel() {
            Transaction partlyCancelled = accepted(authorized(CaptureMode.AUTHOR_CAPTURE)
                    .cancel(Money.of(250, EUR), NOW)).transaction();
            Transaction t = accepted(partlyCancelled.capture(NOW)).transaction();
            assertThat(t.status()).isEqualTo(TransactionStatus.CAPTURED);
            assertThat(t.capturedAmount()).isEqualTo(Money.of(750, EUR));
            assertRefusedWith(t.cancel(Money.of(1, EUR), NOW), "24");
            assertRefusedWith(t.capture(NOW), "24");
        }

        @Test
        void severalPartialRefundsUpToTheCapturedAmount() {
            Transaction t = accepted(captured().refund(Money.of(400, EUR), NOW)).transaction();
            assertThat(t.status()).isEqualTo(TransactionStatus.TO_CREDIT);
            assertThat(t.refundedAmount()).isEqualTo(Money.of(400, EUR));
            assertThat(t.currentAmount()).isEqualTo(Money.of(600, EUR));
            t = accepted(t.refund(Money.of(500, EUR), NOW)).transaction();
            assertRefusedWith(t.refund(Money.of(101, EUR), NOW), "24");
            t = accepted(t.remitCredit(NOW)).transaction();
            assertThat(t.status()).as("partly refunded, back to captured").isEqualTo(TransactionStatus.CAPTURED);
            t = accepted(t.refund(Money.of(100, EUR), NOW)).transaction();
            assertThat(t.refundableAmount().isZero()).isTrue();
            t = accepted(t.remitCredit(NOW)).transaction();
            assertThat(t.status()).isEqualTo(TransactionStatus.CREDITED);
            assertRefusedWith(t.refund(Money.of(1, EUR), NOW), "24");
        }

        @Test
        void noRefundBeforeCaptureAndNotInAnotherCurrency() {
            assertRefusedWith(authorized(CaptureMode.AUTHOR_CAPTURE).refund(Money.of(1, EUR), NOW), "24");
            assertRefusedWith(captured().refund(Money.of(1, USD), NOW), "12");
        }

        @Test
        void immediateCaptureCanBeRefundedAtOnce() {
            Transaction t = authorized(CaptureMode.IMMEDIATE);
            assertThat(t.capturedAmount()).isEqualTo(Money.of(1000, EUR));
            assertThat(accepted(t.refund(Money.of(1000, EUR), NOW)).transaction().status())
                    .isEqualTo(TransactionStatus.TO_CREDIT);
        }
    }

    @Nested
    class CreditHolder {

        @Test
        void aCreditWaitsForTheRemittanceThenIsCredited() {
            MaskedCard card = new MaskedCard("5100##########00", "MASTERCARD", YearMonth.of(2028, 12), "CARD", null);
            Transaction credit = Transaction.creditHolder(UUID.randomUUID(), "002001000000001", "CREDIT1",
                    Money.of(500, EUR), null, card, ShopData.empty(), NOW).transaction();
            assertThat(credit.kind()).isEqualTo(TransactionKind.CREDIT);
            assertThat(credit.status()).isEqualTo(TransactionStatus.TO_CREDIT);
            assertRefusedWith(credit.refund(Money.of(1, EUR), NOW), "24");
            assertRefusedWith(credit.cancel(Money.of(1, EUR), NOW), "24");
            assertThat(accepted(credit.remitCredit(NOW)).transaction().status()).isEqualTo(TransactionStatus.CREDITED);
        }
    }

    @Nested
    class Referral {

        @Test
        void referralWaitsForForcingThenContinuesAsApproved() {
            Transaction referral = accepted(requested(CaptureMode.AUTHOR_CAPTURE, 0).applyAuthorizationResult(
                    new AuthorizationResult(false, "02", null, null), NOW)).transaction();
            assertThat(referral.status()).isEqualTo(TransactionStatus.REFERRAL);
            assertThat(referral.responseCode().code()).isEqualTo("02");
            assertRefusedWith(referral.forceReferral("", NOW), "12");
            Transaction forced = accepted(referral.forceReferral("A1B2C3", NOW)).transaction();
            assertThat(forced.status()).isEqualTo(TransactionStatus.TO_CAPTURE);
            assertThat(forced.authorisationId()).isEqualTo("A1B2C3");
            assertThat(forced.responseCode().code()).isEqualTo("00");
            assertRefusedWith(forced.forceReferral("A1B2C3", NOW), "24");
        }

        @Test
        void aReferralCanBeCancelled() {
            Transaction referral = accepted(requested(CaptureMode.VALIDATION, 3).applyAuthorizationResult(
                    new AuthorizationResult(false, "02", null, null), NOW)).transaction();
            assertThat(accepted(referral.cancel(Money.of(1000, EUR), NOW)).transaction().status())
                    .isEqualTo(TransactionStatus.CANCELLED);
        }
    }

    @Nested
    class DeferredAuthorization {

        static final AuthorizationTerms SIX_DAYS = new AuthorizationTerms(6, OperationName.AUTHORIZATION);

        @Test
        void aCaptureBeyondTheAuthorizationValidityIsDeferred() {
            Transaction t = accepted(requested(CaptureMode.AUTHOR_CAPTURE, 10)
                    .applyAuthorizationResult(APPROVED, NOW, SIX_DAYS)).transaction();
            assertThat(t.status()).isEqualTo(TransactionStatus.TO_AUTHORIZE);
            assertThat(t.captureLimitDate()).isEqualTo(LocalDate.of(2026, 12, 3));
            Transaction authorizedLater = accepted(t.applyDeferredAuthorization(
                    new AuthorizationResult(true, "00", "654321", null), NOW.plusDays(4))).transaction();
            assertThat(authorizedLater.status()).isEqualTo(TransactionStatus.TO_CAPTURE);
            assertThat(authorizedLater.authorisationId()).isEqualTo("654321");
            assertThat(authorizedLater.lastOperation().name()).isEqualTo(OperationName.DEFERRED_AUTHORIZATION);
        }

        @Test
        void aDeclinedDeferredAuthorizationRefusesThePayment() {
            Transaction t = accepted(requested(CaptureMode.AUTHOR_CAPTURE, 10)
                    .applyAuthorizationResult(APPROVED, NOW, SIX_DAYS)).transaction();
            Transaction refused = accepted(t.applyDeferredAuthorization(
                    new AuthorizationResult(false, "51", null, null), NOW.plusDays(4))).transaction();
            assertThat(refused.status()).isEqualTo(TransactionStatus.REFUSED);
            assertThat(refused.responseCode().code()).isEqualTo("51");
        }

        @Test
        void withinTheValidityThereIsNoDeferral() {
            assertThat(accepted(requested(CaptureMode.AUTHOR_CAPTURE, 6)
                    .applyAuthorizationResult(APPROVED, NOW, SIX_DAYS)).transaction().status())
                    .isEqualTo(TransactionStatus.TO_CAPTURE);
            assertRefusedWith(authorized(CaptureMode.AUTHOR_CAPTURE).applyDeferredAuthorization(APPROVED, NOW), "24");
        }
    }

    @Nested
    class Expiry {

        @Test
        void pendingPaymentsExpireWithNothingLeftToCapture() {
            Transaction t = accepted(authorized(CaptureMode.VALIDATION).expire(NOW)).transaction();
            assertThat(t.status()).isEqualTo(TransactionStatus.EXPIRED);
            assertThat(t.currentAmount().isZero()).isTrue();
            assertRefusedWith(t.validate(Money.of(1, EUR), NOW), "24");
            assertRefusedWith(captured().expire(NOW), "24");
        }
    }

    @Nested
    class RefusedBeforeTheAcquirer {

        @Test
        void aFraudRefusalKeepsTheRuleAndCode() {
            Transaction t = accepted(requested(CaptureMode.AUTHOR_CAPTURE, 0).refuseBeforeAcquirer(
                    ResponseCodes.code("63"), "BLOCKED_BIN", NOW)).transaction();
            assertThat(t.status()).isEqualTo(TransactionStatus.REFUSED);
            assertThat(t.fraudRule()).isEqualTo("BLOCKED_BIN");
            assertThat(t.responseCode().code()).isEqualTo("63");
            assertRefusedWith(requested(CaptureMode.AUTHOR_CAPTURE, 0)
                    .refuseBeforeAcquirer(ResponseCodes.ACCEPTED, "X", NOW), "24");
        }
    }
}
