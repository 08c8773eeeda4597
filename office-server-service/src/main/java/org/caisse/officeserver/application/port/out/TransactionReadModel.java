package org.caisse.officeserver.application.port.out;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import io.smallrye.mutiny.Uni;
import org.caisse.officeserver.domain.transaction.TransactionState;

/** The back office's own copy of the transactions, one row per transaction, fed by the transaction events. */
public interface TransactionReadModel {

    /**
     * Stores {@code state} unless the stored row comes from the same event or from a newer one (by event time;
     * on equal times a different event, read later from the ordered partition, wins).
     *
     * @return true when the row was written
     */
    Uni<Boolean> apply(TransactionState state);

    /** Filters of a listing; null = no filter. {@code from} inclusive, {@code to} exclusive. */
    record Query(String merchantId, String status, String reference, Instant from, Instant to, Cursor after,
                 int limit) {
    }

    /** The position after the last row of a page: newest first, by transaction date-time then reference. */
    record Cursor(OffsetDateTime transactionDateTime, String transactionReference) {
    }

    Uni<List<TransactionState>> list(Query query);

    Uni<Optional<TransactionState>> find(String merchantId, String transactionReference);

    /** Per UTC day of the transaction date, currency and status: how many, their amounts and current amounts. */
    record DailyTotal(LocalDate day, String currencyCode, String status, long count, long amount, long currentAmount) {
    }

    Uni<List<DailyTotal>> dailyTotals(String merchantId, LocalDate fromInclusive, LocalDate toInclusive);
}
