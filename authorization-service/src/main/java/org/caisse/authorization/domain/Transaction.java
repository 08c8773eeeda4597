package org.caisse.authorization.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.caisse.common.money.Money;
import org.caisse.common.sips.ResponseCode;
import org.caisse.common.sips.TransactionStatus;

/**
 * The transaction aggregate: one payment (or credit) of one merchant, identified by (merchantId,
 * transactionReference). Immutable: every transition returns a {@link TransitionOutcome} carrying the new value;
 * the caller persists it.
 *
 * <p>Amounts: {@code amount} is the original amount; {@code currentAmount} what is still live — before capture the
 * amount that will be captured, after capture the captured amount not refunded yet. {@code capturedAmount} and
 * {@code refundedAmount} only grow. Invariants (checked at construction, so no transition can break them):
 * {@code 0 ≤ currentAmount ≤ amount}, {@code capturedAmount ≤ amount}, {@code refundedAmount ≤ capturedAmount} for a
 * payment.
 */
public final class Transaction {

    public static final int MAX_CAPTURE_DAY = 99;

    /** Statuses in which a cancel is allowed (SIPS §7): before capture, including a pending referral. */
    private static final Set<TransactionStatus> CANCELLABLE = EnumSet.of(TransactionStatus.TO_VALIDATE,
            TransactionStatus.TO_CAPTURE, TransactionStatus.TO_AUTHORIZE, TransactionStatus.REFERRAL);

    /** Statuses from which a payment may be refunded: captured, or already partly refunded and not remitted yet. */
    private static final Set<TransactionStatus> REFUNDABLE =
            EnumSet.of(TransactionStatus.CAPTURED, TransactionStatus.TO_CREDIT);

    private final UUID id;
    private final TransactionKind kind;
    private final String merchantId;
    private final String transactionReference;
    private final Money amount;
    private final Money currentAmount;
    private final Money capturedAmount;
    private final Money refundedAmount;
    private final TransactionStatus status;
    private final CaptureMode captureMode;
    private final int captureDay;
    private final LocalDate captureLimitDate;
    private final String orderChannel;
    private final MaskedCard card;
    private final CardReference cardReference;
    private final ResponseCode responseCode;
    private final String acquirerResponseCode;
    private final String authorisationId;
    private final String holderAuthentStatus;
    private final String guaranteeIndicator;
    private final String fraudRule;
    private final String duplicatedFrom;
    private final OffsetDateTime transactionDateTime;
    private final OffsetDateTime authorizedAt;
    private final OperationRecord lastOperation;
    private final ShopData shop;
    private final NotificationContext notification;

    private Transaction(Builder b) {
        this.id = Objects.requireNonNull(b.id, "id");
        this.kind = b.kind == null ? TransactionKind.PAYMENT : b.kind;
        this.merchantId = Objects.requireNonNull(b.merchantId, "merchantId");
        this.transactionReference = Objects.requireNonNull(b.transactionReference, "transactionReference");
        this.amount = Objects.requireNonNull(b.amount, "amount");
        this.currentAmount = Objects.requireNonNull(b.currentAmount, "currentAmount");
        this.capturedAmount = b.capturedAmount == null ? zero(b.amount) : b.capturedAmount;
        this.refundedAmount = b.refundedAmount == null ? zero(b.amount) : b.refundedAmount;
        this.status = Objects.requireNonNull(b.status, "status");
        this.captureMode = Objects.requireNonNull(b.captureMode, "captureMode");
        if (b.captureDay < 0 || b.captureDay > MAX_CAPTURE_DAY) {
            throw new IllegalArgumentException("captureDay must be within 0..99");
        }
        if (amount.minorUnits() <= 0) {
            throw new IllegalArgumentException("amount must be positive");
        }
        requireWithin(currentAmount, amount, "currentAmount");
        requireWithin(capturedAmount, amount, "capturedAmount");
        requireWithin(refundedAmount, kind == TransactionKind.PAYMENT ? capturedAmount : amount, "refundedAmount");
        this.captureDay = b.captureDay;
        this.captureLimitDate = b.captureLimitDate;
        this.orderChannel = b.orderChannel;
        this.card = b.card;
        this.cardReference = b.cardReference;
        this.responseCode = b.responseCode;
        this.acquirerResponseCode = b.acquirerResponseCode;
        this.authorisationId = b.authorisationId;
        this.holderAuthentStatus = b.holderAuthentStatus;
        this.guaranteeIndicator = b.guaranteeIndicator;
        this.fraudRule = b.fraudRule;
        this.duplicatedFrom = b.duplicatedFrom;
        this.transactionDateTime = Objects.requireNonNull(b.transactionDateTime, "transactionDateTime");
        this.authorizedAt = b.authorizedAt;
        this.lastOperation = b.lastOperation;
        this.shop = b.shop == null ? ShopData.empty() : b.shop;
        this.notification = b.notification;
    }

    private static Money zero(Money like) {
        return like == null ? null : Money.of(0, like.currency());
    }

    private void requireWithin(Money value, Money ceiling, String name) {
        if (!value.currency().equals(amount.currency())) {
            throw new IllegalArgumentException(name + " must be in the transaction's currency");
        }
        if (value.minorUnits() < 0 || value.isGreaterThan(ceiling)) {
            throw new IllegalArgumentException(name + " must be within 0.." + ceiling.minorUnits());
        }
    }

    /**
     * A new payment request, not yet authorized ({@code TO_AUTHORIZE}, no operation yet).
     *
     * @param requestedAt the authorization date and time, in the platform's zone
     */
    public static Transaction request(UUID id, String merchantId, String transactionReference, Money amount,
                                      CaptureMode captureMode, int captureDay, String orderChannel, MaskedCard card,
                                      ShopData shop, NotificationContext notification, OffsetDateTime requestedAt) {
        return builder()
                .id(id).kind(TransactionKind.PAYMENT)
                .merchantId(merchantId).transactionReference(transactionReference)
                .amount(amount).currentAmount(amount)
                .status(TransactionStatus.TO_AUTHORIZE)
                .captureMode(captureMode).captureDay(captureDay)
                .orderChannel(orderChannel == null ? "INTERNET" : orderChannel)
                .card(card).shop(shop).notification(notification)
                .holderAuthentStatus("NOT_SPECIFIED").guaranteeIndicator("")
                .transactionDateTime(requestedAt)
                .build();
    }

    /**
     * A credit to a card with no earlier payment (Sips credit holder): {@code TO_CREDIT} until the remittance run
     * sends it, then {@code CREDITED}.
     */
    public static TransitionOutcome.Accepted creditHolder(UUID id, String merchantId, String transactionReference,
                                                          Money amount, String orderChannel, MaskedCard card,
                                                          ShopData shop, OffsetDateTime now) {
        OperationRecord operation = new OperationRecord(OperationName.CREDIT_HOLDER, amount, now,
                ResponseCodes.ACCEPTED);
        Transaction credit = builder()
                .id(id).kind(TransactionKind.CREDIT)
                .merchantId(merchantId).transactionReference(transactionReference)
                .amount(amount).currentAmount(amount)
                .status(TransactionStatus.TO_CREDIT)
                .captureMode(CaptureMode.AUTHOR_CAPTURE).captureDay(0).captureLimitDate(now.toLocalDate())
                .orderChannel(orderChannel == null ? "INTERNET" : orderChannel)
                .card(card).shop(shop)
                .responseCode(ResponseCodes.ACCEPTED)
                .holderAuthentStatus("NOT_SPECIFIED").guaranteeIndicator("")
                .transactionDateTime(now).lastOperation(operation)
                .build();
        return new TransitionOutcome.Accepted(credit, operation);
    }

    /** As {@link #applyAuthorizationResult(AuthorizationResult, OffsetDateTime, AuthorizationTerms)} with no deferral. */
    public TransitionOutcome applyAuthorizationResult(AuthorizationResult result, OffsetDateTime now) {
        return applyAuthorizationResult(result, now, AuthorizationTerms.STANDARD);
    }

    /**
     * Applies the acquirer's answer to a new transaction. Approved: {@code TO_CAPTURE} (AUTHOR_CAPTURE),
     * {@code TO_VALIDATE} (VALIDATION) or {@code CAPTURED} (IMMEDIATE), with the capture limit date = authorization
     * date + captureDay; an AUTHOR_CAPTURE whose capture day lies beyond the authorization validity stays in
     * {@code TO_AUTHORIZE} (the card was checked; the remittance run authorizes it in time for the capture).
     * Referral ({@code 02}): {@code REFERRAL}, waiting for the merchant's forcing. Other declines: {@code REFUSED}.
     * Anything but a fresh transaction: refused with 24.
     */
    public TransitionOutcome applyAuthorizationResult(AuthorizationResult result, OffsetDateTime now,
                                                      AuthorizationTerms terms) {
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(terms, "terms");
        if (status != TransactionStatus.TO_AUTHORIZE || lastOperation != null) {
            return new TransitionOutcome.Refused(ResponseCodes.IMPOSSIBLE_OPERATION);
        }
        ResponseCode code = ResponseCodes.fromAcquirer(result);
        Builder next = toBuilder()
                .responseCode(code)
                .acquirerResponseCode(result.acquirerResponseCode())
                .card(card == null ? null : card.withCscResultCode(result.cscResultCode()))
                .transactionDateTime(now)
                .captureLimitDate(now.toLocalDate().plusDays(captureDay));
        if (result.approved()) {
            next.authorisationId(result.authorisationId()).authorizedAt(now);
            if (captureMode == CaptureMode.AUTHOR_CAPTURE && captureDay > terms.authorizationValidityDays()) {
                next.status(TransactionStatus.TO_AUTHORIZE);
            } else {
                enterAuthorizedStatus(next, amount);
            }
        } else if (code.equals(ResponseCodes.REFERRAL)) {
            next.status(TransactionStatus.REFERRAL).authorisationId(null);
        } else {
            next.status(TransactionStatus.REFUSED).authorisationId(null).captureLimitDate(null);
        }
        OperationRecord operation = new OperationRecord(terms.firstOperation(), amount, now, code);
        return new TransitionOutcome.Accepted(next.lastOperation(operation).build(), operation);
    }

    /** The new transaction is refused before reaching the acquirer (fraud rule, failed 3-D Secure...). */
    public TransitionOutcome refuseBeforeAcquirer(ResponseCode code, String rule, OffsetDateTime now) {
        Objects.requireNonNull(code, "code");
        if (status != TransactionStatus.TO_AUTHORIZE || lastOperation != null || code.equals(ResponseCodes.ACCEPTED)) {
            return new TransitionOutcome.Refused(ResponseCodes.IMPOSSIBLE_OPERATION);
        }
        OperationRecord operation = new OperationRecord(OperationName.AUTHORIZATION, amount, now, code);
        Transaction refused = toBuilder().status(TransactionStatus.REFUSED).responseCode(code).fraudRule(rule)
                .transactionDateTime(now).lastOperation(operation).build();
        return new TransitionOutcome.Accepted(refused, operation);
    }

    /**
     * The authorization the remittance run asks for a deferred payment ({@code TO_AUTHORIZE} after its card check):
     * approved → {@code TO_CAPTURE} with the new authorisationId; declined → {@code REFUSED}.
     */
    public TransitionOutcome applyDeferredAuthorization(AuthorizationResult result, OffsetDateTime now) {
        if (status != TransactionStatus.TO_AUTHORIZE || lastOperation == null) {
            return new TransitionOutcome.Refused(ResponseCodes.IMPOSSIBLE_OPERATION);
        }
        ResponseCode code = ResponseCodes.fromAcquirer(result);
        Builder next = toBuilder().responseCode(code).acquirerResponseCode(result.acquirerResponseCode());
        if (result.approved()) {
            next.status(TransactionStatus.TO_CAPTURE).authorisationId(result.authorisationId()).authorizedAt(now);
        } else {
            next.status(TransactionStatus.REFUSED).authorisationId(null);
        }
        OperationRecord operation = new OperationRecord(OperationName.DEFERRED_AUTHORIZATION, currentAmount, now, code);
        return new TransitionOutcome.Accepted(next.lastOperation(operation).build(), operation);
    }

    /**
     * The merchant forces a referral with the authorization number the issuer gave by phone: the payment continues
     * as if approved ({@code TO_CAPTURE} or {@code TO_VALIDATE}). Only in {@code REFERRAL} (else 24).
     */
    public TransitionOutcome forceReferral(String authorisationNumber, OffsetDateTime now) {
        if (status != TransactionStatus.REFERRAL) {
            return new TransitionOutcome.Refused(ResponseCodes.IMPOSSIBLE_OPERATION);
        }
        if (authorisationNumber == null || authorisationNumber.isBlank()) {
            return new TransitionOutcome.Refused(ResponseCodes.INVALID_TRANSACTION);
        }
        OperationRecord operation = new OperationRecord(OperationName.REFERRAL_FORCING, currentAmount, now,
                ResponseCodes.ACCEPTED);
        Builder next = toBuilder().responseCode(ResponseCodes.ACCEPTED).authorisationId(authorisationNumber)
                .authorizedAt(now).lastOperation(operation);
        enterAuthorizedStatus(next, currentAmount);
        return new TransitionOutcome.Accepted(next.build(), operation);
    }

    private void enterAuthorizedStatus(Builder next, Money authorized) {
        TransactionStatus reached = captureMode.statusWhenAuthorized();
        next.status(reached);
        if (reached == TransactionStatus.CAPTURED) {
            next.capturedAmount(authorized);
        }
    }

    /**
     * Validates all or part of a payment waiting for validation (captureMode VALIDATION): the validated amount is
     * what will be captured, the rest is released. Only in {@code TO_VALIDATE} (else 24); another currency → 12; an
     * amount ≤ 0 or above the authorized amount → 24.
     */
    public TransitionOutcome validate(Money validatedAmount, OffsetDateTime now) {
        Objects.requireNonNull(validatedAmount, "validatedAmount");
        if (status != TransactionStatus.TO_VALIDATE) {
            return new TransitionOutcome.Refused(ResponseCodes.IMPOSSIBLE_OPERATION);
        }
        TransitionOutcome.Refused invalid = checkAmount(validatedAmount, currentAmount);
        if (invalid != null) {
            return invalid;
        }
        OperationRecord operation = new OperationRecord(OperationName.VALIDATION, validatedAmount, now,
                ResponseCodes.ACCEPTED);
        Transaction validated = toBuilder().status(TransactionStatus.TO_CAPTURE).currentAmount(validatedAmount)
                .captureLimitDate(now.toLocalDate()).lastOperation(operation).build();
        return new TransitionOutcome.Accepted(validated, operation);
    }

    /**
     * Cancels all or part of what has not been captured. Allowed in TO_VALIDATE, TO_CAPTURE, TO_AUTHORIZE and REFERRAL
     * (else 24); another currency → 12; an amount ≤ 0 or above the remaining amount → 24. A partial cancel lowers the
     * current amount; cancelling what remains puts the transaction in CANCELLED.
     */
    public TransitionOutcome cancel(Money cancelAmount, OffsetDateTime now) {
        Objects.requireNonNull(cancelAmount, "cancelAmount");
        Objects.requireNonNull(now, "now");
        if (kind != TransactionKind.PAYMENT || !CANCELLABLE.contains(status)) {
            return new TransitionOutcome.Refused(ResponseCodes.IMPOSSIBLE_OPERATION);
        }
        TransitionOutcome.Refused invalid = checkAmount(cancelAmount, currentAmount);
        if (invalid != null) {
            return invalid;
        }
        Money remaining = currentAmount.minus(cancelAmount);
        OperationRecord operation = new OperationRecord(OperationName.CANCEL, cancelAmount, now, ResponseCodes.ACCEPTED);
        Builder next = toBuilder().currentAmount(remaining).lastOperation(operation);
        if (remaining.isZero()) {
            next.status(TransactionStatus.CANCELLED);
        }
        return new TransitionOutcome.Accepted(next.build(), operation);
    }

    /**
     * Refunds all or part of what was captured and not refunded yet; several refunds may follow each other. Allowed
     * on a captured payment ({@code CAPTURED}, or {@code TO_CREDIT} while earlier refunds wait for the remittance),
     * else 24; another currency → 12; an amount ≤ 0 or above what remains refundable → 24. The payment goes to
     * {@code TO_CREDIT} until the remittance run sends the credit.
     */
    public TransitionOutcome refund(Money refundAmount, OffsetDateTime now) {
        Objects.requireNonNull(refundAmount, "refundAmount");
        if (kind != TransactionKind.PAYMENT || !REFUNDABLE.contains(status)) {
            return new TransitionOutcome.Refused(ResponseCodes.IMPOSSIBLE_OPERATION);
        }
        TransitionOutcome.Refused invalid = checkAmount(refundAmount, refundableAmount());
        if (invalid != null) {
            return invalid;
        }
        Money refunded = refundedAmount.plus(refundAmount);
        OperationRecord operation = new OperationRecord(OperationName.REFUND, refundAmount, now, ResponseCodes.ACCEPTED);
        Transaction next = toBuilder().status(TransactionStatus.TO_CREDIT).refundedAmount(refunded)
                .currentAmount(capturedAmount.minus(refunded)).lastOperation(operation).build();
        return new TransitionOutcome.Accepted(next, operation);
    }

    /** The remittance run sends a payment waiting for capture: {@code TO_CAPTURE} → {@code CAPTURED}. */
    public TransitionOutcome capture(OffsetDateTime now) {
        if (status != TransactionStatus.TO_CAPTURE) {
            return new TransitionOutcome.Refused(ResponseCodes.IMPOSSIBLE_OPERATION);
        }
        OperationRecord operation = new OperationRecord(OperationName.CAPTURE, currentAmount, now,
                ResponseCodes.ACCEPTED);
        Transaction captured = toBuilder().status(TransactionStatus.CAPTURED).capturedAmount(currentAmount)
                .lastOperation(operation).build();
        return new TransitionOutcome.Accepted(captured, operation);
    }

    /**
     * The remittance run sends the pending credits: a credit holder or a fully refunded payment becomes
     * {@code CREDITED} (final); a partly refunded payment goes back to {@code CAPTURED} so that it can be refunded
     * again up to what was captured.
     */
    public TransitionOutcome remitCredit(OffsetDateTime now) {
        if (status != TransactionStatus.TO_CREDIT) {
            return new TransitionOutcome.Refused(ResponseCodes.IMPOSSIBLE_OPERATION);
        }
        boolean closed = kind == TransactionKind.CREDIT || refundedAmount.equals(capturedAmount);
        Money credited = kind == TransactionKind.CREDIT ? amount : refundedAmount;
        OperationRecord operation = new OperationRecord(OperationName.CREDIT_REMITTANCE, credited, now,
                ResponseCodes.ACCEPTED);
        Builder next = toBuilder().lastOperation(operation)
                .status(closed ? TransactionStatus.CREDITED : TransactionStatus.CAPTURED);
        if (kind == TransactionKind.CREDIT) {
            next.capturedAmount(amount).refundedAmount(amount);
        }
        return new TransitionOutcome.Accepted(next.build(), operation);
    }

    /**
     * The remittance run closes a payment that can no longer be captured (not validated in time, referral never
     * forced, authorization too old): {@code EXPIRED}, nothing left to capture.
     */
    public TransitionOutcome expire(OffsetDateTime now) {
        if (kind != TransactionKind.PAYMENT || !CANCELLABLE.contains(status)) {
            return new TransitionOutcome.Refused(ResponseCodes.IMPOSSIBLE_OPERATION);
        }
        OperationRecord operation = new OperationRecord(OperationName.EXPIRY, currentAmount, now,
                ResponseCodes.ACCEPTED);
        Transaction expired = toBuilder().status(TransactionStatus.EXPIRED).currentAmount(zero(amount))
                .lastOperation(operation).build();
        return new TransitionOutcome.Accepted(expired, operation);
    }

    private TransitionOutcome.Refused checkAmount(Money requested, Money ceiling) {
        if (!requested.currency().equals(amount.currency())) {
            return new TransitionOutcome.Refused(ResponseCodes.INVALID_TRANSACTION);
        }
        if (requested.minorUnits() <= 0 || requested.isGreaterThan(ceiling)) {
            return new TransitionOutcome.Refused(ResponseCodes.IMPOSSIBLE_OPERATION);
        }
        return null;
    }

    /** What may still be refunded: captured minus refunded (zero before capture). */
    public Money refundableAmount() {
        return capturedAmount.minus(refundedAmount);
    }

    public UUID id() { return id; }
    public TransactionKind kind() { return kind; }
    public String merchantId() { return merchantId; }
    public String transactionReference() { return transactionReference; }
    public Money amount() { return amount; }
    public Money currentAmount() { return currentAmount; }
    public Money capturedAmount() { return capturedAmount; }
    public Money refundedAmount() { return refundedAmount; }
    public TransactionStatus status() { return status; }
    public CaptureMode captureMode() { return captureMode; }
    public int captureDay() { return captureDay; }
    public LocalDate captureLimitDate() { return captureLimitDate; }
    public String orderChannel() { return orderChannel; }
    public MaskedCard card() { return card; }
    public CardReference cardReference() { return cardReference; }
    public ResponseCode responseCode() { return responseCode; }
    public String acquirerResponseCode() { return acquirerResponseCode; }
    public String authorisationId() { return authorisationId; }
    public String holderAuthentStatus() { return holderAuthentStatus; }
    public String guaranteeIndicator() { return guaranteeIndicator; }
    public String fraudRule() { return fraudRule; }
    public String duplicatedFrom() { return duplicatedFrom; }
    public OffsetDateTime transactionDateTime() { return transactionDateTime; }
    public OffsetDateTime authorizedAt() { return authorizedAt; }
    public OperationRecord lastOperation() { return lastOperation; }
    public ShopData shop() { return shop; }
    public NotificationContext notification() { return notification; }

    /** The record key on the transactions topic and the event subject. */
    public String key() {
        return merchantId + ":" + transactionReference;
    }

    public Builder toBuilder() {
        return new Builder()
                .id(id).kind(kind).merchantId(merchantId).transactionReference(transactionReference)
                .amount(amount).currentAmount(currentAmount).capturedAmount(capturedAmount)
                .refundedAmount(refundedAmount).status(status)
                .captureMode(captureMode).captureDay(captureDay).captureLimitDate(captureLimitDate)
                .orderChannel(orderChannel).card(card).cardReference(cardReference).responseCode(responseCode)
                .acquirerResponseCode(acquirerResponseCode).authorisationId(authorisationId)
                .holderAuthentStatus(holderAuthentStatus).guaranteeIndicator(guaranteeIndicator)
                .fraudRule(fraudRule).duplicatedFrom(duplicatedFrom)
                .transactionDateTime(transactionDateTime).authorizedAt(authorizedAt).lastOperation(lastOperation)
                .shop(shop).notification(notification);
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String toString() {
        return "Transaction[" + key() + ", " + status + ", " + currentAmount + "]";
    }

    /** Rebuilds a transaction (from storage, or as the next value of a transition). */
    public static final class Builder {
        private UUID id;
        private TransactionKind kind;
        private String merchantId;
        private String transactionReference;
        private Money amount;
        private Money currentAmount;
        private Money capturedAmount;
        private Money refundedAmount;
        private TransactionStatus status;
        private CaptureMode captureMode;
        private int captureDay;
        private LocalDate captureLimitDate;
        private String orderChannel;
        private MaskedCard card;
        private CardReference cardReference;
        private ResponseCode responseCode;
        private String acquirerResponseCode;
        private String authorisationId;
        private String holderAuthentStatus;
        private String guaranteeIndicator;
        private String fraudRule;
        private String duplicatedFrom;
        private OffsetDateTime transactionDateTime;
        private OffsetDateTime authorizedAt;
        private OperationRecord lastOperation;
        private ShopData shop;
        private NotificationContext notification;

        private Builder() {
        }

        public Builder id(UUID v) { id = v; return this; }
        public Builder kind(TransactionKind v) { kind = v; return this; }
        public Builder merchantId(String v) { merchantId = v; return this; }
        public Builder transactionReference(String v) { transactionReference = v; return this; }
        public Builder amount(Money v) { amount = v; return this; }
        public Builder currentAmount(Money v) { currentAmount = v; return this; }
        public Builder capturedAmount(Money v) { capturedAmount = v; return this; }
        public Builder refundedAmount(Money v) { refundedAmount = v; return this; }
        public Builder status(TransactionStatus v) { status = v; return this; }
        public Builder captureMode(CaptureMode v) { captureMode = v; return this; }
        public Builder captureDay(int v) { captureDay = v; return this; }
        public Builder captureLimitDate(LocalDate v) { captureLimitDate = v; return this; }
        public Builder orderChannel(String v) { orderChannel = v; return this; }
        public Builder card(MaskedCard v) { card = v; return this; }
        public Builder cardReference(CardReference v) { cardReference = v; return this; }
        public Builder responseCode(ResponseCode v) { responseCode = v; return this; }
        public Builder acquirerResponseCode(String v) { acquirerResponseCode = v; return this; }
        public Builder authorisationId(String v) { authorisationId = v; return this; }
        public Builder holderAuthentStatus(String v) { holderAuthentStatus = v; return this; }
        public Builder guaranteeIndicator(String v) { guaranteeIndicator = v; return this; }
        public Builder fraudRule(String v) { fraudRule = v; return this; }
        public Builder duplicatedFrom(String v) { duplicatedFrom = v; return this; }
        public Builder transactionDateTime(OffsetDateTime v) { transactionDateTime = v; return this; }
        public Builder authorizedAt(OffsetDateTime v) { authorizedAt = v; return this; }
        public Builder lastOperation(OperationRecord v) { lastOperation = v; return this; }
        public Builder shop(ShopData v) { shop = v; return this; }
        public Builder notification(NotificationContext v) { notification = v; return this; }

        public Transaction build() {
            return new Transaction(this);
        }
    }
}
