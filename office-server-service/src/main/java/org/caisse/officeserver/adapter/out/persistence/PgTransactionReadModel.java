package org.caisse.officeserver.adapter.out.persistence;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import org.caisse.common.money.Currencies;
import org.caisse.common.money.CurrencyUnit;
import org.caisse.common.money.Money;
import org.caisse.officeserver.application.port.out.TransactionReadModel;
import org.caisse.officeserver.domain.transaction.TransactionState;

/** {@link TransactionReadModel} in the {@code transaction_view} table. */
@ApplicationScoped
public class PgTransactionReadModel implements TransactionReadModel {

    /**
     * One statement, so two consumers (or a redelivery racing a newer event) cannot interleave a read and a write:
     * the row lock of the upsert orders them, and the WHERE keeps the newest event.
     */
    private static final String APPLY = """
            INSERT INTO transaction_view (merchant_id, transaction_reference, status, response_code, amount,
                current_amount, currency_code, payment_mean_brand, masked_pan, transaction_date_time, transaction_offset,
                last_operation_name, last_operation_date_time, last_event_id, last_event_type, last_event_time)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)
            ON CONFLICT (merchant_id, transaction_reference) DO UPDATE SET
                status = EXCLUDED.status, response_code = EXCLUDED.response_code, amount = EXCLUDED.amount,
                current_amount = EXCLUDED.current_amount, currency_code = EXCLUDED.currency_code,
                payment_mean_brand = EXCLUDED.payment_mean_brand, masked_pan = EXCLUDED.masked_pan,
                transaction_date_time = EXCLUDED.transaction_date_time, transaction_offset = EXCLUDED.transaction_offset,
                last_operation_name = EXCLUDED.last_operation_name,
                last_operation_date_time = EXCLUDED.last_operation_date_time, last_event_id = EXCLUDED.last_event_id,
                last_event_type = EXCLUDED.last_event_type, last_event_time = EXCLUDED.last_event_time,
                updated_at = clock_timestamp()
            WHERE transaction_view.last_event_time < EXCLUDED.last_event_time
               OR (transaction_view.last_event_time = EXCLUDED.last_event_time
                   AND transaction_view.last_event_id <> EXCLUDED.last_event_id)
            """;
    private static final String COLUMNS = """
            merchant_id, transaction_reference, status, response_code, amount, current_amount, currency_code,
            payment_mean_brand, masked_pan, transaction_date_time, transaction_offset, last_operation_name,
            last_operation_date_time, last_event_id, last_event_type, last_event_time
            """;
    private static final String LIST = "SELECT " + COLUMNS + """
             FROM transaction_view
            WHERE merchant_id = $1
              AND ($2::text IS NULL OR status = $2)
              AND ($3::text IS NULL OR transaction_reference = $3)
              AND ($4::timestamptz IS NULL OR transaction_date_time >= $4)
              AND ($5::timestamptz IS NULL OR transaction_date_time < $5)
              AND ($6::timestamptz IS NULL OR (transaction_date_time, transaction_reference) < ($6, $7::varchar))
            ORDER BY transaction_date_time DESC, transaction_reference DESC
            LIMIT $8
            """;
    private static final String FIND = "SELECT " + COLUMNS
            + " FROM transaction_view WHERE merchant_id = $1 AND transaction_reference = $2";
    private static final String DAILY = """
            SELECT (transaction_date_time AT TIME ZONE 'UTC')::date AS day, currency_code, coalesce(status, '') AS status,
                   count(*) AS n, sum(amount) AS amount, sum(current_amount) AS current_amount
              FROM transaction_view
             WHERE merchant_id = $1 AND transaction_date_time >= $2 AND transaction_date_time < $3
             GROUP BY 1, 2, 3
             ORDER BY 1, 2, 3
            """;

    private final Pool pool;

    public PgTransactionReadModel(Pool pool) {
        this.pool = pool;
    }

    @Override
    public Uni<Boolean> apply(TransactionState s) {
        Tuple values = Tuple.tuple()
                .addString(s.merchantId()).addString(s.transactionReference()).addString(s.status())
                .addString(s.responseCode()).addLong(s.amount().minorUnits()).addLong(s.currentAmount().minorUnits())
                .addString(s.amount().currency().numeric()).addString(s.paymentMeanBrand()).addString(s.maskedPan())
                .addOffsetDateTime(s.transactionDateTime())
                .addString(s.transactionDateTime().getOffset().getId())
                .addString(s.lastOperationName()).addOffsetDateTime(s.lastOperationDateTime())
                .addString(s.eventId()).addString(s.eventType())
                .addOffsetDateTime(s.eventTime().atOffset(ZoneOffset.UTC));
        return pool.preparedQuery(APPLY).execute(values).map(rows -> rows.rowCount() > 0);
    }

    @Override
    public Uni<List<TransactionState>> list(Query q) {
        Tuple values = Tuple.tuple().addString(q.merchantId()).addString(q.status()).addString(q.reference())
                .addOffsetDateTime(q.from() == null ? null : q.from().atOffset(ZoneOffset.UTC))
                .addOffsetDateTime(q.to() == null ? null : q.to().atOffset(ZoneOffset.UTC))
                .addOffsetDateTime(q.after() == null ? null : q.after().transactionDateTime())
                .addString(q.after() == null ? null : q.after().transactionReference())
                .addInteger(q.limit());
        return pool.preparedQuery(LIST).execute(values).map(PgTransactionReadModel::states);
    }

    @Override
    public Uni<Optional<TransactionState>> find(String merchantId, String transactionReference) {
        return pool.preparedQuery(FIND).execute(Tuple.of(merchantId, transactionReference))
                .map(rows -> states(rows).stream().findFirst());
    }

    @Override
    public Uni<List<DailyTotal>> dailyTotals(String merchantId, LocalDate fromInclusive, LocalDate toInclusive) {
        Tuple values = Tuple.of(merchantId, fromInclusive.atStartOfDay().atOffset(ZoneOffset.UTC),
                toInclusive.plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC));
        return pool.preparedQuery(DAILY).execute(values).map(rows -> {
            List<DailyTotal> totals = new ArrayList<>();
            for (Row row : rows) {
                totals.add(new DailyTotal(row.getLocalDate("day"), row.getString("currency_code"),
                        row.getString("status"), row.getLong("n"), row.getNumeric("amount").longValue(),
                        row.getNumeric("current_amount").longValue()));
            }
            return totals;
        });
    }

    private static List<TransactionState> states(RowSet<Row> rows) {
        List<TransactionState> states = new ArrayList<>();
        for (Row row : rows) {
            CurrencyUnit currency = Currencies.byNumeric(row.getString("currency_code")).orElseThrow();
            ZoneOffset offset = ZoneOffset.of(row.getString("transaction_offset"));
            OffsetDateTime lastOperation = row.getOffsetDateTime("last_operation_date_time");
            states.add(new TransactionState(row.getString("merchant_id"), row.getString("transaction_reference"),
                    row.getString("status"), row.getString("response_code"),
                    Money.of(row.getLong("amount"), currency), Money.of(row.getLong("current_amount"), currency),
                    row.getString("payment_mean_brand"), row.getString("masked_pan"),
                    row.getOffsetDateTime("transaction_date_time").withOffsetSameInstant(offset),
                    row.getString("last_operation_name"),
                    lastOperation == null ? null : lastOperation.withOffsetSameInstant(offset),
                    row.getString("last_event_id"), row.getString("last_event_type"),
                    row.getOffsetDateTime("last_event_time").toInstant()));
        }
        return states;
    }
}
