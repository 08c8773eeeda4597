package org.caisse.officeserver.domain.transaction;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Objects;

import org.caisse.common.money.Money;

/**
 * One transaction as the back office lists it, taken from the newest transaction event seen: no card data beyond
 * the masked PAN the snapshot carries (BIN + last 4 at most).
 *
 * @param eventId the CloudEvents id of the event this state comes from
 * @param eventTime the CloudEvents time of that event, truncated to microseconds (the database precision)
 */
public record TransactionState(
        String merchantId,
        String transactionReference,
        String status,
        String responseCode,
        Money amount,
        Money currentAmount,
        String paymentMeanBrand,
        String maskedPan,
        OffsetDateTime transactionDateTime,
        String lastOperationName,
        OffsetDateTime lastOperationDateTime,
        String eventId,
        String eventType,
        Instant eventTime) {

    public TransactionState {
        Objects.requireNonNull(merchantId, "merchantId");
        Objects.requireNonNull(transactionReference, "transactionReference");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currentAmount, "currentAmount");
        Objects.requireNonNull(transactionDateTime, "transactionDateTime");
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(eventTime, "eventTime");
    }
}
