package org.caisse.authorization.domain;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Decides what the remittance run of a business date does with a transaction. Pure, so that a run repeated on the
 * same day (another replica, a retry, the operator's button) finds nothing more to do: every action moves the
 * transaction out of the status that made it due.
 *
 * @param authorizationValidityDays days an authorization holds: a deferred payment is authorized that many days
 *                                  before its capture date
 * @param captureValidityDays       days after its authorization beyond which a payment can no longer be captured and
 *                                  expires instead
 */
public record RemittancePolicy(int authorizationValidityDays, int captureValidityDays) {

    public RemittancePolicy {
        if (authorizationValidityDays < 0 || captureValidityDays < 0) {
            throw new IllegalArgumentException("validity days must not be negative");
        }
    }

    public RemittanceAction decide(Transaction transaction, LocalDate businessDate) {
        Objects.requireNonNull(businessDate, "businessDate");
        LocalDate limit = transaction.captureLimitDate();
        return switch (transaction.status()) {
            case TO_CAPTURE -> {
                if (captureTooLate(transaction, businessDate)) {
                    yield RemittanceAction.EXPIRE;
                }
                yield limit == null || !limit.isAfter(businessDate) ? RemittanceAction.CAPTURE : RemittanceAction.NONE;
            }
            case TO_VALIDATE, REFERRAL -> limit != null && limit.isBefore(businessDate)
                    ? RemittanceAction.EXPIRE : RemittanceAction.NONE;
            case TO_AUTHORIZE -> {
                if (transaction.lastOperation() == null || limit == null) {
                    yield RemittanceAction.NONE; // a request still in flight, not a deferred payment
                }
                if (limit.isBefore(businessDate)) {
                    yield RemittanceAction.EXPIRE;
                }
                yield limit.minusDays(authorizationValidityDays).isAfter(businessDate)
                        ? RemittanceAction.NONE : RemittanceAction.AUTHORIZE_DEFERRED;
            }
            case TO_CREDIT -> RemittanceAction.REMIT_CREDIT;
            default -> RemittanceAction.NONE;
        };
    }

    private boolean captureTooLate(Transaction transaction, LocalDate businessDate) {
        return transaction.authorizedAt() != null
                && transaction.authorizedAt().toLocalDate().plusDays(captureValidityDays).isBefore(businessDate);
    }
}
