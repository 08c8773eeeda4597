package org.caisse.authorization.domain;

import java.time.OffsetDateTime;
import java.util.Objects;
import org.caisse.common.money.Money;
import org.caisse.common.sips.ResponseCode;

/** One operation applied to a transaction, as it is recorded in its history. */
public record OperationRecord(OperationName name, Money amount, OffsetDateTime dateTime, ResponseCode responseCode) {
    public OperationRecord {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(dateTime, "dateTime");
        Objects.requireNonNull(responseCode, "responseCode");
    }
}
