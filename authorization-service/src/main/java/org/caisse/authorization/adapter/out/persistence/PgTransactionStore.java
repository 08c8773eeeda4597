package org.caisse.authorization.adapter.out.persistence;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.caisse.authorization.application.EngineSettings;
import org.caisse.authorization.application.TransactionSnapshots;
import org.caisse.authorization.application.port.out.OperationWrite;
import org.caisse.authorization.application.port.out.OutboxEvent;
import org.caisse.authorization.application.port.out.StoredOperation;
import org.caisse.authorization.application.port.out.TransactionStore;
import org.caisse.authorization.domain.CaptureMode;
import org.caisse.authorization.domain.MaskedCard;
import org.caisse.authorization.domain.NotificationContext;
import org.caisse.authorization.domain.OperationName;
import org.caisse.authorization.domain.OperationRecord;
import org.caisse.authorization.domain.ResponseCodes;
import org.caisse.authorization.domain.ShopData;
import org.caisse.authorization.domain.Transaction;
import org.caisse.common.money.CurrencyUnit;
import org.caisse.common.money.Currencies;
import org.caisse.common.money.Money;
import org.caisse.common.sips.TransactionStatus;

/** The transaction store on PostgreSQL through the reactive client; each method is one database transaction. */
@ApplicationScoped
public class PgTransactionStore implements TransactionStore {

    static final String UNIQUE_VIOLATION = "23505";
    static final String OPERATION_ID_CONSTRAINT = "operation_merchant_operation_uk";

    private static final String TRANSACTION_COLUMNS = """
            id, merchant_id, transaction_reference, status, amount, current_amount, currency_code, capture_mode,
            capture_day, capture_limit_date, order_channel, masked_pan, pan_expiry_date, payment_mean_brand,
            payment_mean_type, card_csc_result_code, response_code, acquirer_response_code, authorisation_id,
            holder_authent_status, guarantee_indicator, transaction_date_time, last_operation_name,
            last_operation_amount, last_operation_at, order_id, return_context, customer_id, customer_email,
            customer_ip_address, statement_reference, transaction_origin, payment_pattern, customer_language,
            notification""";

    private static final String INSERT_TRANSACTION = "INSERT INTO transaction (" + TRANSACTION_COLUMNS + """
            ) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20,
                      $21, $22, $23, $24, $25, $26, $27, $28, $29, $30, $31, $32, $33, $34, $35)
            ON CONFLICT ON CONSTRAINT transaction_merchant_reference_uk DO NOTHING""";

    private static final String UPDATE_TRANSACTION = """
            UPDATE transaction SET status = $2, current_amount = $3, capture_limit_date = $4, response_code = $5,
                   acquirer_response_code = $6, authorisation_id = $7, card_csc_result_code = $8,
                   last_operation_name = $9, last_operation_amount = $10, last_operation_at = $11, updated_at = now()
             WHERE id = $1""";

    private static final String INSERT_OPERATION = """
            INSERT INTO operation (id, transaction_id, merchant_id, operation_id, name, amount, currency_code,
                                   operation_date_time, response_code, operation_origin, response_json)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)""";

    private static final String INSERT_OUTBOX =
            "INSERT INTO outbox (id, topic, record_key, payload, created_at) VALUES ($1, $2, $3, $4, $5)";

    private static final String SELECT_TRANSACTION = "SELECT " + TRANSACTION_COLUMNS
            + " FROM transaction WHERE merchant_id = $1 AND transaction_reference = $2";

    private final Pool pool;
    private final ZoneId zone;

    public PgTransactionStore(Pool pool, EngineSettings settings) {
        this.pool = pool;
        this.zone = settings.zone();
    }

    @Override
    public Uni<Boolean> referenceExists(String merchantId, String transactionReference) {
        return pool.preparedQuery("SELECT 1 FROM transaction WHERE merchant_id = $1 AND transaction_reference = $2")
                .execute(Tuple.of(merchantId, transactionReference))
                .map(rows -> rows.size() > 0);
    }

    @Override
    public Uni<Boolean> insertNew(Transaction transaction, OperationRecord operation, OutboxEvent event) {
        return pool.withTransaction(conn -> conn.preparedQuery(INSERT_TRANSACTION)
                .execute(transactionTuple(transaction))
                .flatMap(inserted -> inserted.rowCount() == 0
                        ? Uni.createFrom().item(false)
                        : insertOperation(conn, transaction, operation, null, null, null)
                                .flatMap(ignored -> insertOutbox(conn, event))
                                .replaceWith(true)));
    }

    @Override
    public Uni<Optional<TransactionHistory>> find(String merchantId, String transactionReference) {
        return pool.withConnection(conn -> conn.preparedQuery(SELECT_TRANSACTION)
                .execute(Tuple.of(merchantId, transactionReference))
                .flatMap(rows -> {
                    if (rows.size() == 0) {
                        return Uni.createFrom().item(Optional.<TransactionHistory>empty());
                    }
                    Transaction transaction = toTransaction(rows.iterator().next());
                    return conn.preparedQuery("""
                                    SELECT name, amount, operation_date_time, response_code FROM operation
                                     WHERE transaction_id = $1 ORDER BY seq""")
                            .execute(Tuple.of(transaction.id()))
                            .map(ops -> {
                                List<StoredOperation> history = new ArrayList<>();
                                for (Row op : ops) {
                                    history.add(new StoredOperation(op.getString("name"), op.getLong("amount"),
                                            inZone(op.getOffsetDateTime("operation_date_time")),
                                            op.getString("response_code")));
                                }
                                return Optional.of(new TransactionHistory(transaction, history));
                            });
                }));
    }

    @Override
    public Uni<String> runOperation(String merchantId, String transactionReference, String operationId,
                                    Function<Optional<Transaction>, OperationWrite> decide) {
        return pool.withTransaction(conn -> storedAnswer(conn, merchantId, operationId)
                        .flatMap(stored -> stored.isPresent()
                                ? Uni.createFrom().item(stored.get())
                                : lockAndApply(conn, merchantId, transactionReference, operationId, decide)))
                // the same operationId ran concurrently and committed first: answer what it answered
                .onFailure(PgTransactionStore::isOperationIdConflict)
                .recoverWithUni(() -> pool.withConnection(conn -> storedAnswer(conn, merchantId, operationId))
                        .map(Optional::orElseThrow));
    }

    private Uni<String> lockAndApply(SqlConnection conn, String merchantId, String transactionReference,
                                     String operationId, Function<Optional<Transaction>, OperationWrite> decide) {
        return conn.preparedQuery(SELECT_TRANSACTION + " FOR UPDATE")
                .execute(Tuple.of(merchantId, transactionReference))
                .flatMap(rows -> {
                    Optional<Transaction> current = rows.size() == 0
                            ? Optional.empty() : Optional.of(toTransaction(rows.iterator().next()));
                    OperationWrite write = decide.apply(current);
                    if (current.isEmpty() || write.operation() == null) {
                        return Uni.createFrom().item(write.answerJson());
                    }
                    Transaction transaction = write.newTransaction().orElse(current.get());
                    Uni<?> update = write.newTransaction().isPresent()
                            ? conn.preparedQuery(UPDATE_TRANSACTION).execute(updateTuple(transaction))
                            : Uni.createFrom().voidItem();
                    return update
                            .flatMap(ignored -> insertOperation(conn, transaction, write.operation(), operationId,
                                    write.operationOrigin(), write.answerJson()))
                            .flatMap(ignored -> write.event().isPresent()
                                    ? insertOutbox(conn, write.event().get()) : Uni.createFrom().voidItem())
                            .replaceWith(write.answerJson());
                });
    }

    private static Uni<Optional<String>> storedAnswer(SqlConnection conn, String merchantId, String operationId) {
        return conn.preparedQuery("SELECT response_json FROM operation WHERE merchant_id = $1 AND operation_id = $2")
                .execute(Tuple.of(merchantId, operationId))
                .map(rows -> rows.size() == 0
                        ? Optional.empty() : Optional.ofNullable(rows.iterator().next().getString("response_json")));
    }

    static boolean isOperationIdConflict(Throwable failure) {
        return failure instanceof PgException pg && UNIQUE_VIOLATION.equals(pg.getSqlState())
                && OPERATION_ID_CONSTRAINT.equals(pg.getConstraint());
    }

    private static Uni<RowSet<Row>> insertOperation(SqlConnection conn, Transaction transaction,
                                                    OperationRecord operation, String operationId, String origin,
                                                    String answerJson) {
        return conn.preparedQuery(INSERT_OPERATION).execute(Tuple.from(Arrays.asList(
                UUID.randomUUID(), transaction.id(), transaction.merchantId(), operationId, operation.name().name(),
                operation.amount().minorUnits(), operation.amount().currency().numeric(), operation.dateTime(),
                operation.responseCode().code(), origin, answerJson)));
    }

    private static Uni<Void> insertOutbox(SqlConnection conn, OutboxEvent event) {
        return conn.preparedQuery(INSERT_OUTBOX).execute(Tuple.from(Arrays.asList(
                        event.id(), event.topic(), event.recordKey(), io.vertx.core.buffer.Buffer.buffer(event.payload()),
                        OffsetDateTime.ofInstant(event.createdAt(), java.time.ZoneOffset.UTC))))
                .replaceWithVoid();
    }

    private static Tuple transactionTuple(Transaction t) {
        MaskedCard card = t.card();
        ShopData shop = t.shop();
        OperationRecord last = t.lastOperation();
        NotificationContext n = t.notification();
        JsonObject notification = n == null ? null : new JsonObject()
                .put("automaticResponseUrl", n.automaticResponseUrl())
                .put("keyVersion", n.keyVersion())
                .put("sealAlgorithm", n.sealAlgorithm())
                .put("responseEncoding", n.responseEncoding())
                .put("interfaceVersion", n.interfaceVersion());
        return Tuple.from(Arrays.asList(
                t.id(), t.merchantId(), t.transactionReference(), t.status().name(), t.amount().minorUnits(),
                t.currentAmount().minorUnits(), t.amount().currency().numeric(), t.captureMode().name(),
                (short) t.captureDay(), t.captureLimitDate(), t.orderChannel(),
                card == null ? null : card.maskedPan(),
                card == null ? null : TransactionSnapshots.EXPIRY.format(card.expiryDate()),
                card == null ? null : card.brand(),
                card == null ? null : card.paymentMeanType(),
                card == null ? null : card.cscResultCode(),
                t.responseCode().code(), t.acquirerResponseCode(), t.authorisationId(),
                t.holderAuthentStatus(), t.guaranteeIndicator(), t.transactionDateTime(),
                last == null ? null : last.name().name(),
                last == null ? null : last.amount().minorUnits(),
                last == null ? null : last.dateTime(),
                shop.orderId(), shop.returnContext(), shop.customerId(), shop.customerEmail(),
                shop.customerIpAddress(), shop.statementReference(), shop.transactionOrigin(), shop.paymentPattern(),
                shop.customerLanguage(), notification));
    }

    private static Tuple updateTuple(Transaction t) {
        OperationRecord last = t.lastOperation();
        return Tuple.from(Arrays.asList(
                t.id(), t.status().name(), t.currentAmount().minorUnits(), t.captureLimitDate(),
                t.responseCode().code(), t.acquirerResponseCode(), t.authorisationId(),
                t.card() == null ? null : t.card().cscResultCode(),
                last == null ? null : last.name().name(),
                last == null ? null : last.amount().minorUnits(),
                last == null ? null : last.dateTime()));
    }

    private Transaction toTransaction(Row row) {
        CurrencyUnit currency = Currencies.byNumeric(row.getString("currency_code")).orElseThrow(
                () -> new IllegalStateException("unknown stored currency " + row.getString("currency_code")));
        String maskedPan = row.getString("masked_pan");
        MaskedCard card = maskedPan == null ? null : new MaskedCard(maskedPan, row.getString("payment_mean_brand"),
                YearMonth.parse(row.getString("pan_expiry_date"), TransactionSnapshots.EXPIRY),
                row.getString("payment_mean_type"), row.getString("card_csc_result_code"));
        String lastName = row.getString("last_operation_name");
        OperationRecord last = lastName == null ? null : new OperationRecord(OperationName.valueOf(lastName),
                new Money(row.getLong("last_operation_amount"), currency),
                inZone(row.getOffsetDateTime("last_operation_at")), ResponseCodes.ACCEPTED);
        Object notificationValue = row.getValue("notification");
        NotificationContext notification = null;
        if (notificationValue instanceof JsonObject n) {
            notification = new NotificationContext(n.getString("automaticResponseUrl"), n.getInteger("keyVersion"),
                    n.getString("sealAlgorithm"), n.getString("responseEncoding"), n.getString("interfaceVersion"));
        }
        return Transaction.builder()
                .id(row.getUUID("id"))
                .merchantId(row.getString("merchant_id"))
                .transactionReference(row.getString("transaction_reference"))
                .status(TransactionStatus.valueOf(row.getString("status")))
                .amount(new Money(row.getLong("amount"), currency))
                .currentAmount(new Money(row.getLong("current_amount"), currency))
                .captureMode(CaptureMode.valueOf(row.getString("capture_mode")))
                .captureDay(row.getInteger("capture_day"))
                .captureLimitDate(row.getLocalDate("capture_limit_date"))
                .orderChannel(row.getString("order_channel"))
                .card(card)
                .responseCode(ResponseCodes.code(row.getString("response_code")))
                .acquirerResponseCode(row.getString("acquirer_response_code"))
                .authorisationId(row.getString("authorisation_id"))
                .holderAuthentStatus(row.getString("holder_authent_status"))
                .guaranteeIndicator(row.getString("guarantee_indicator"))
                .transactionDateTime(inZone(row.getOffsetDateTime("transaction_date_time")))
                .lastOperation(last)
                .shop(new ShopData(row.getString("order_id"), row.getString("return_context"),
                        row.getString("customer_id"), row.getString("customer_email"),
                        row.getString("customer_ip_address"), row.getString("statement_reference"),
                        row.getString("transaction_origin"), row.getString("payment_pattern"),
                        row.getString("customer_language")))
                .notification(notification)
                .build();
    }

    private OffsetDateTime inZone(OffsetDateTime stored) {
        return stored == null ? null : stored.atZoneSameInstant(zone).toOffsetDateTime();
    }
}
