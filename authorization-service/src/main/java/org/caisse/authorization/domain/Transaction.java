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
 * The transaction aggregate: one payment of one merchant, identified by (merchantId, transactionReference).
 * Immutable: every transition returns a {@link TransitionOutcome} carrying the new value; the caller persists it.
 */
public final class Transaction {

    /** Statuses in which a cancel is allowed (SIPS §7). */
    private static final Set<TransactionStatus> CANCELLABLE =
            EnumSet.of(TransactionStatus.TO_VALIDATE, TransactionStatus.TO_CAPTURE, TransactionStatus.TO_AUTHORIZE);

    public static final int MAX_CAPTURE_DAY = 99;

    private final UUID id;
    private final String merchantId;
    private final String transactionReference;
    private final Money amount;
    private final Money currentAmount;
    private final TransactionStatus status;
    private final CaptureMode captureMode;
    private final int captureDay;
    private final LocalDate captureLimitDate;
    private final String orderChannel;
    private final MaskedCard card;
    private final ResponseCode responseCode;
    private final String acquirerResponseCode;
    private final String authorisationId;
    private final String holderAuthentStatus;
    private final String guaranteeIndicator;
    private final OffsetDateTime transactionDateTime;
    private final OperationRecord lastOperation;
    private final ShopData shop;
    private final NotificationContext notification;

    private Transaction(Builder b) {
        this.id = Objects.requireNonNull(b.id, "id");
        this.merchantId = Objects.requireNonNull(b.merchantId, "merchantId");
        this.transactionReference = Objects.requireNonNull(b.transactionReference, "transactionReference");
        this.amount = Objects.requireNonNull(b.amount, "amount");
        this.currentAmount = Objects.requireNonNull(b.currentAmount, "currentAmount");
        this.status = Objects.requireNonNull(b.status, "status");
        this.captureMode = Objects.requireNonNull(b.captureMode, "captureMode");
        if (b.captureDay < 0 || b.captureDay > MAX_CAPTURE_DAY) {
            throw new IllegalArgumentException("captureDay must be within 0..99");
        }
        if (b.amount.minorUnits() <= 0) {
            throw new IllegalArgumentException("amount must be positive");
        }
        if (b.currentAmount.minorUnits() < 0 || b.currentAmount.isGreaterThan(b.amount)) {
            throw new IllegalArgumentException("currentAmount must be within 0..amount");
        }
        this.captureDay = b.captureDay;
        this.captureLimitDate = b.captureLimitDate;
        this.orderChannel = b.orderChannel;
        this.card = b.card;
        this.responseCode = b.responseCode;
        this.acquirerResponseCode = b.acquirerResponseCode;
        this.authorisationId = b.authorisationId;
        this.holderAuthentStatus = b.holderAuthentStatus;
        this.guaranteeIndicator = b.guaranteeIndicator;
        this.transactionDateTime = Objects.requireNonNull(b.transactionDateTime, "transactionDateTime");
        this.lastOperation = b.lastOperation;
        this.shop = b.shop == null ? ShopData.empty() : b.shop;
        this.notification = b.notification;
    }

    /**
     * A new payment request, not yet authorized ({@code TO_AUTHORIZE}).
     *
     * @param requestedAt the authorization date and time, in the platform's zone
     */
    public static Transaction request(UUID id, String merchantId, String transactionReference, Money amount,
                                      CaptureMode captureMode, int captureDay, String orderChannel, MaskedCard card,
                                      ShopData shop, NotificationContext notification, OffsetDateTime requestedAt) {
        return builder()
                .id(id).merchantId(merchantId).transactionReference(transactionReference)
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
     * Applies the acquirer's answer to a transaction waiting for authorization. Approved: {@code TO_CAPTURE}
     * (AUTHOR_CAPTURE), {@code TO_VALIDATE} (VALIDATION) or {@code CAPTURED} (IMMEDIATE), with the capture limit
     * date = authorization date + captureDay. Declined: {@code REFUSED} with the translated response code.
     * Any status other than {@code TO_AUTHORIZE}: refused with 24.
     */
    public TransitionOutcome applyAuthorizationResult(AuthorizationResult result, OffsetDateTime now) {
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(now, "now");
        if (status != TransactionStatus.TO_AUTHORIZE) {
            return new TransitionOutcome.Refused(ResponseCodes.IMPOSSIBLE_OPERATION);
        }
        ResponseCode code = ResponseCodes.fromAcquirer(result);
        Builder next = toBuilder()
                .responseCode(code)
                .acquirerResponseCode(result.acquirerResponseCode())
                .card(card == null ? null : card.withCscResultCode(result.cscResultCode()))
                .transactionDateTime(now);
        if (result.approved()) {
            next.status(captureMode.statusWhenAuthorized())
                    .authorisationId(result.authorisationId())
                    .captureLimitDate(now.toLocalDate().plusDays(captureDay));
        } else {
            next.status(TransactionStatus.REFUSED).authorisationId(null).captureLimitDate(null);
        }
        OperationRecord operation = new OperationRecord(OperationName.AUTHORIZATION, amount, now, code);
        return new TransitionOutcome.Accepted(next.lastOperation(operation).build(), operation);
    }

    /**
     * Cancels all or part of the remaining amount. Allowed in TO_VALIDATE, TO_CAPTURE and TO_AUTHORIZE only (else
     * 24); a currency other than the transaction's → 12; an amount ≤ 0 or above the remaining amount → 24. A
     * partial cancel lowers the current amount; cancelling what remains puts the transaction in CANCELLED.
     */
    public TransitionOutcome cancel(Money cancelAmount, OffsetDateTime now) {
        Objects.requireNonNull(cancelAmount, "cancelAmount");
        Objects.requireNonNull(now, "now");
        if (!CANCELLABLE.contains(status)) {
            return new TransitionOutcome.Refused(ResponseCodes.IMPOSSIBLE_OPERATION);
        }
        if (!cancelAmount.currency().equals(currentAmount.currency())) {
            return new TransitionOutcome.Refused(ResponseCodes.INVALID_TRANSACTION);
        }
        if (cancelAmount.minorUnits() <= 0 || cancelAmount.isGreaterThan(currentAmount)) {
            return new TransitionOutcome.Refused(ResponseCodes.IMPOSSIBLE_OPERATION);
        }
        Money remaining = currentAmount.minus(cancelAmount);
        OperationRecord operation = new OperationRecord(OperationName.CANCEL, cancelAmount, now, ResponseCodes.ACCEPTED);
        Builder next = toBuilder().currentAmount(remaining).lastOperation(operation);
        if (remaining.minorUnits() == 0) {
            next.status(TransactionStatus.CANCELLED);
        }
        return new TransitionOutcome.Accepted(next.build(), operation);
    }

    public UUID id() { return id; }
    public String merchantId() { return merchantId; }
    public String transactionReference() { return transactionReference; }
    public Money amount() { return amount; }
    public Money currentAmount() { return currentAmount; }
    public TransactionStatus status() { return status; }
    public CaptureMode captureMode() { return captureMode; }
    public int captureDay() { return captureDay; }
    public LocalDate captureLimitDate() { return captureLimitDate; }
    public String orderChannel() { return orderChannel; }
    public MaskedCard card() { return card; }
    public ResponseCode responseCode() { return responseCode; }
    public String acquirerResponseCode() { return acquirerResponseCode; }
    public String authorisationId() { return authorisationId; }
    public String holderAuthentStatus() { return holderAuthentStatus; }
    public String guaranteeIndicator() { return guaranteeIndicator; }
    public OffsetDateTime transactionDateTime() { return transactionDateTime; }
    public OperationRecord lastOperation() { return lastOperation; }
    public ShopData shop() { return shop; }
    public NotificationContext notification() { return notification; }

    /** The record key on the transactions topic and the event subject. */
    public String key() {
        return merchantId + ":" + transactionReference;
    }

    public Builder toBuilder() {
        return new Builder()
                .id(id).merchantId(merchantId).transactionReference(transactionReference)
                .amount(amount).currentAmount(currentAmount).status(status)
                .captureMode(captureMode).captureDay(captureDay).captureLimitDate(captureLimitDate)
                .orderChannel(orderChannel).card(card).responseCode(responseCode)
                .acquirerResponseCode(acquirerResponseCode).authorisationId(authorisationId)
                .holderAuthentStatus(holderAuthentStatus).guaranteeIndicator(guaranteeIndicator)
                .transactionDateTime(transactionDateTime).lastOperation(lastOperation)
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
        private String merchantId;
        private String transactionReference;
        private Money amount;
        private Money currentAmount;
        private TransactionStatus status;
        private CaptureMode captureMode;
        private int captureDay;
        private LocalDate captureLimitDate;
        private String orderChannel;
        private MaskedCard card;
        private ResponseCode responseCode;
        private String acquirerResponseCode;
        private String authorisationId;
        private String holderAuthentStatus;
        private String guaranteeIndicator;
        private OffsetDateTime transactionDateTime;
        private OperationRecord lastOperation;
        private ShopData shop;
        private NotificationContext notification;

        private Builder() {
        }

        public Builder id(UUID v) { id = v; return this; }
        public Builder merchantId(String v) { merchantId = v; return this; }
        public Builder transactionReference(String v) { transactionReference = v; return this; }
        public Builder amount(Money v) { amount = v; return this; }
        public Builder currentAmount(Money v) { currentAmount = v; return this; }
        public Builder status(TransactionStatus v) { status = v; return this; }
        public Builder captureMode(CaptureMode v) { captureMode = v; return this; }
        public Builder captureDay(int v) { captureDay = v; return this; }
        public Builder captureLimitDate(LocalDate v) { captureLimitDate = v; return this; }
        public Builder orderChannel(String v) { orderChannel = v; return this; }
        public Builder card(MaskedCard v) { card = v; return this; }
        public Builder responseCode(ResponseCode v) { responseCode = v; return this; }
        public Builder acquirerResponseCode(String v) { acquirerResponseCode = v; return this; }
        public Builder authorisationId(String v) { authorisationId = v; return this; }
        public Builder holderAuthentStatus(String v) { holderAuthentStatus = v; return this; }
        public Builder guaranteeIndicator(String v) { guaranteeIndicator = v; return this; }
        public Builder transactionDateTime(OffsetDateTime v) { transactionDateTime = v; return this; }
        public Builder lastOperation(OperationRecord v) { lastOperation = v; return this; }
        public Builder shop(ShopData v) { shop = v; return this; }
        public Builder notification(NotificationContext v) { notification = v; return this; }

        public Transaction build() {
            return new Transaction(this);
        }
    }
}
