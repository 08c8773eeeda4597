package org.caisse.authorization.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.caisse.authorization.domain.TransactionTest.APPROVED;
import static org.caisse.authorization.domain.TransactionTest.NOW;
import static org.caisse.authorization.domain.TransactionTest.accepted;
import static org.caisse.authorization.domain.TransactionTest.requested;

import java.time.LocalDate;
import org.caisse.common.money.Money;
import org.junit.jupiter.api.Test;

class RemittancePolicyTest {

    static final RemittancePolicy POLICY = new RemittancePolicy(6, 30);
    static final LocalDate TODAY = NOW.toLocalDate();

    static Transaction authorizedWith(CaptureMode mode, int captureDay) {
        return accepted(requested(mode, captureDay).applyAuthorizationResult(APPROVED, NOW,
                new AuthorizationTerms(6, OperationName.AUTHORIZATION))).transaction();
    }

    @Test
    void capturesOnTheCaptureDayNotBefore() {
        Transaction t = authorizedWith(CaptureMode.AUTHOR_CAPTURE, 2);
        assertThat(POLICY.decide(t, TODAY.plusDays(1))).isEqualTo(RemittanceAction.NONE);
        assertThat(POLICY.decide(t, TODAY.plusDays(2))).isEqualTo(RemittanceAction.CAPTURE);
        assertThat(POLICY.decide(t, TODAY.plusDays(5))).isEqualTo(RemittanceAction.CAPTURE);
        assertThat(POLICY.decide(authorizedWith(CaptureMode.AUTHOR_CAPTURE, 0), TODAY))
                .isEqualTo(RemittanceAction.CAPTURE);
    }

    @Test
    void aPaymentNotValidatedByItsLimitDateExpiresTheDayAfter() {
        Transaction t = authorizedWith(CaptureMode.VALIDATION, 3);
        assertThat(POLICY.decide(t, TODAY.plusDays(3))).isEqualTo(RemittanceAction.NONE);
        assertThat(POLICY.decide(t, TODAY.plusDays(4))).isEqualTo(RemittanceAction.EXPIRE);
    }

    @Test
    void aPaymentTooOldToCaptureExpires() {
        Transaction validatedLate = accepted(authorizedWith(CaptureMode.VALIDATION, 99)
                .validate(Money.of(10, TransactionTest.EUR), NOW.plusDays(35))).transaction();
        assertThat(POLICY.decide(validatedLate, TODAY.plusDays(35))).isEqualTo(RemittanceAction.EXPIRE);
        Transaction validatedInTime = accepted(authorizedWith(CaptureMode.VALIDATION, 99)
                .validate(Money.of(10, TransactionTest.EUR), NOW.plusDays(25))).transaction();
        assertThat(POLICY.decide(validatedInTime, TODAY.plusDays(25))).isEqualTo(RemittanceAction.CAPTURE);
    }

    @Test
    void aDeferredPaymentIsAuthorizedValidityDaysBeforeCapture() {
        Transaction t = authorizedWith(CaptureMode.AUTHOR_CAPTURE, 20);
        assertThat(POLICY.decide(t, TODAY.plusDays(13))).isEqualTo(RemittanceAction.NONE);
        assertThat(POLICY.decide(t, TODAY.plusDays(14))).isEqualTo(RemittanceAction.AUTHORIZE_DEFERRED);
        assertThat(POLICY.decide(t, TODAY.plusDays(21))).isEqualTo(RemittanceAction.EXPIRE);
    }

    @Test
    void pendingCreditsAreAlwaysRemittedAndFinalStatusesNeverTouched() {
        Transaction refunded = accepted(TransactionLifecycleTest.captured()
                .refund(Money.of(5, TransactionTest.EUR), NOW)).transaction();
        assertThat(POLICY.decide(refunded, TODAY)).isEqualTo(RemittanceAction.REMIT_CREDIT);
        Transaction remitted = accepted(refunded.remitCredit(NOW)).transaction();
        assertThat(POLICY.decide(remitted, TODAY.plusDays(100))).isEqualTo(RemittanceAction.NONE);
        assertThat(POLICY.decide(requested(CaptureMode.AUTHOR_CAPTURE, 0), TODAY))
                .as("a request still in flight").isEqualTo(RemittanceAction.NONE);
    }
}
