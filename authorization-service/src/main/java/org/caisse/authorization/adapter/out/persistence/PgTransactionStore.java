package org.caisse.authorization.adapter.out.persistence;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.caisse.authorization.application.EngineSettings;
import org.caisse.authorization.application.port.out.NewTransaction;
import org.caisse.authorization.application.port.out.OperationWrite;
import org.caisse.authorization.application.port.out.OutboxEvent;
import org.caisse.authorization.application.port.out.StoredOperation;
import org.caisse.authorization.application.port.out.TransactionStore;
import org.caisse.authorization.application.port.out.TransitionWrite;
import org.caisse.authorization.domain.OperationRecord;
import org.caisse.authorization.domain.Transaction;

/** The transaction store on PostgreSQL through the reactive client; each method is one database transaction. */
@ApplicationScoped
public class PgTransactionStore implements TransactionStore {

    static final String UNIQUE_VIOLATION = "23505";
    /** Constraints whose violation means "an identical request committed first": answer what it answered. */
    static final Set<String> REPLAY_CONSTRAINTS = Set.of("operation_merchant_operation_uk", "processed_command_pkey");

    /**
     * A new transaction, its first operation and its events in ONE statement (one round trip, one implicit
     * transaction): the operation and events are inserted from the transaction's RETURNING row, so nothing is written
     * when the reference already exists.
     */
    private static final String INSERT_NEW = "WITH t AS (INSERT INTO transaction (" + TransactionRows.COLUMNS + ") VALUES ("
            + placeholders(1, TransactionRows.COLUMN_COUNT) + """
            ) ON CONFLICT ON CONSTRAINT transaction_merchant_reference_uk DO NOTHING RETURNING id),
            o AS (INSERT INTO operation (id, transaction_id, merchant_id, name, amount, currency_code,
                                         operation_date_time, response_code)
                  SELECT $45::uuid, t.id, $2, $46::varchar, $47::bigint, $7, $48::timestamptz, $49::char(2) FROM t),
            e AS (INSERT INTO outbox (id, topic, record_key, payload, created_at)
                  SELECT u.id, u.topic, u.record_key, u.payload, u.created_at
                    FROM t, unnest($50::uuid[], $51::varchar[], $52::varchar[], $53::bytea[], $54::timestamptz[])
                         AS u(id, topic, record_key, payload, created_at))
            SELECT count(*) AS inserted FROM t""";

    /** As {@link #INSERT_NEW}, with the card upserted in the vault by the same statement. */
    private static final String INSERT_NEW_WITH_CARD = INSERT_NEW.replace("SELECT count(*) AS inserted FROM t",
            ", v AS (" + PgCardVault.upsertSql(55) + ") SELECT count(*) AS inserted FROM t");

    private static final String INSERT_OPERATION = """
            INSERT INTO operation (id, transaction_id, merchant_id, operation_id, name, amount, currency_code,
                                   operation_date_time, response_code, operation_origin, response_json)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)""";

    private static final String INSERT_OUTBOX =
            "INSERT INTO outbox (id, topic, record_key, payload, created_at) VALUES ($1, $2, $3, $4, $5)";

    private static final String SELECT_TRANSACTION = "SELECT " + TransactionRows.COLUMNS
            + " FROM transaction WHERE merchant_id = $1 AND transaction_reference = $2";

    private static final String SELECT_DUE = "SELECT " + TransactionRows.COLUMNS + """
             FROM transaction
            WHERE ($1::varchar IS NULL OR merchant_id = $1)
              AND (   (status = 'TO_CAPTURE' AND (capture_limit_date <= $2::date
                          OR (authorized_at AT TIME ZONE $6::text)::date < $2::date - $4::int))
                   OR (status IN ('TO_VALIDATE', 'REFERRAL') AND capture_limit_date < $2::date)
                   OR (status = 'TO_AUTHORIZE' AND last_operation_name IS NOT NULL
                          AND capture_limit_date - $3::int <= $2::date)
                   OR status = 'TO_CREDIT')
            ORDER BY capture_limit_date, id
            LIMIT $5
            FOR UPDATE SKIP LOCKED""";

    private final Pool pool;
    private final ZoneId zone;

    public PgTransactionStore(Pool pool, EngineSettings settings) {
        this.pool = pool;
        this.zone = settings.zone();
    }

    private static String placeholders(int from, int count) {
        StringBuilder sb = new StringBuilder();
        for (int i = from; i < from + count; i++) {
            sb.append(i == from ? "" : ", ").append('$').append(i);
        }
        return sb.toString();
    }

    @Override
    public Uni<Boolean> referenceExists(String merchantId, String transactionReference) {
        return pool.preparedQuery("SELECT 1 FROM transaction WHERE merchant_id = $1 AND transaction_reference = $2")
                .execute(Tuple.of(merchantId, transactionReference))
                .map(rows -> rows.size() > 0);
    }

    @Override
    public Uni<Boolean> insertNew(NewTransaction write) {
        Tuple params = TransactionRows.insertTuple(write.transaction(), write.cardFingerprint());
        OperationRecord op = write.operation();
        params.addValue(UUID.randomUUID()).addValue(op.name().name()).addValue(op.amount().minorUnits())
                .addValue(op.dateTime()).addValue(op.responseCode().code());
        List<OutboxEvent> events = write.events();
        params.addValue(events.stream().map(OutboxEvent::id).toArray(UUID[]::new))
                .addValue(events.stream().map(OutboxEvent::topic).toArray(String[]::new))
                .addValue(events.stream().map(OutboxEvent::recordKey).toArray(String[]::new))
                .addValue(events.stream().map(e -> Buffer.buffer(e.payload())).toArray(Buffer[]::new))
                .addValue(events.stream().map(e -> OffsetDateTime.ofInstant(e.createdAt(), ZoneOffset.UTC))
                        .toArray(OffsetDateTime[]::new));
        if (write.vaultEntry() != null) {
            PgCardVault.upsertParameters(write.vaultEntry()).forEach(params::addValue);
        }
        return pool.preparedQuery(write.vaultEntry() == null ? INSERT_NEW : INSERT_NEW_WITH_CARD).execute(params)
                // the statement is atomic: when its vault upsert lost a race for a new card, nothing was written
                .onFailure(VaultInsertRace::lost).retry().atMost(VaultInsertRace.ATTEMPTS - 1)
                .map(rows -> rows.iterator().next().getLong("inserted") > 0);
    }

    @Override
    public Uni<Optional<TransactionHistory>> find(String merchantId, String transactionReference) {
        return pool.withConnection(conn -> conn.preparedQuery(SELECT_TRANSACTION)
                .execute(Tuple.of(merchantId, transactionReference))
                .flatMap(rows -> {
                    if (rows.size() == 0) {
                        return Uni.createFrom().item(Optional.<TransactionHistory>empty());
                    }
                    Transaction transaction = TransactionRows.toTransaction(rows.iterator().next(), zone);
                    return conn.preparedQuery("""
                                    SELECT name, amount, operation_date_time, response_code FROM operation
                                     WHERE transaction_id = $1 ORDER BY seq""")
                            .execute(Tuple.of(transaction.id()))
                            .map(ops -> {
                                List<StoredOperation> history = new ArrayList<>();
                                for (Row op : ops) {
                                    history.add(new StoredOperation(op.getString("name"), op.getLong("amount"),
                                            TransactionRows.inZone(op.getOffsetDateTime("operation_date_time"), zone),
                                            op.getString("response_code")));
                                }
                                return Optional.of(new TransactionHistory(transaction, history));
                            });
                }));
    }

    @Override
    public Uni<OperationAnswer> runOperation(OperationKey key, Function<Optional<Transaction>, OperationWrite> decide) {
        return pool.withTransaction(conn -> storedAnswer(conn, key)
                        .flatMap(stored -> stored.isPresent()
                                ? Uni.createFrom().item(new OperationAnswer(stored.get(), true))
                                : lockAndApply(conn, key, decide)))
                // the same operationId or command ran concurrently and committed first: answer what it answered
                .onFailure(PgTransactionStore::isReplayConflict)
                .recoverWithUni(() -> pool.withConnection(conn -> storedAnswer(conn, key))
                        .map(stored -> new OperationAnswer(stored.orElseThrow(), true)));
    }

    private Uni<OperationAnswer> lockAndApply(SqlConnection conn, OperationKey key,
                                              Function<Optional<Transaction>, OperationWrite> decide) {
        return conn.preparedQuery(SELECT_TRANSACTION + " FOR UPDATE")
                .execute(Tuple.of(key.merchantId(), key.transactionReference()))
                .flatMap(rows -> {
                    Optional<Transaction> current = rows.size() == 0
                            ? Optional.empty() : Optional.of(TransactionRows.toTransaction(rows.iterator().next(), zone));
                    OperationWrite write = decide.apply(current);
                    Uni<Void> changes = Uni.createFrom().voidItem();
                    if (current.isPresent() && write.operation() != null) {
                        Transaction transaction = write.newTransaction().orElse(current.get());
                        changes = (write.newTransaction().isPresent()
                                ? conn.preparedQuery(TransactionRows.UPDATE).execute(TransactionRows.updateTuple(transaction))
                                        .replaceWithVoid()
                                : Uni.createFrom().voidItem())
                                .flatMap(ignored -> insertOperation(conn, transaction, write.operation(),
                                        key.operationId(), write.operationOrigin(), write.answerJson()));
                    }
                    return changes
                            .flatMap(ignored -> insertOutbox(conn, write.events()))
                            .flatMap(ignored -> key.commandId() == null ? Uni.createFrom().voidItem()
                                    : conn.preparedQuery("""
                                            INSERT INTO processed_command (command_id, merchant_id, answer_json)
                                            VALUES ($1, $2, $3)""")
                                    .execute(Tuple.of(key.commandId(), key.merchantId(), write.answerJson()))
                                    .replaceWithVoid())
                            .replaceWith(new OperationAnswer(write.answerJson(), false));
                });
    }

    private static Uni<Optional<String>> storedAnswer(SqlConnection conn, OperationKey key) {
        Uni<Optional<String>> byCommand = key.commandId() == null ? Uni.createFrom().item(Optional.empty())
                : conn.preparedQuery("SELECT answer_json FROM processed_command WHERE command_id = $1")
                        .execute(Tuple.of(key.commandId()))
                        .map(rows -> rows.size() == 0
                                ? Optional.empty() : Optional.of(rows.iterator().next().getString("answer_json")));
        return byCommand.flatMap(found -> found.isPresent() || key.operationId() == null
                ? Uni.createFrom().item(found)
                : conn.preparedQuery("SELECT response_json FROM operation WHERE merchant_id = $1 AND operation_id = $2")
                        .execute(Tuple.of(key.merchantId(), key.operationId()))
                        .map(rows -> rows.size() == 0 ? Optional.empty()
                                : Optional.ofNullable(rows.iterator().next().getString("response_json"))));
    }

    static boolean isReplayConflict(Throwable failure) {
        return failure instanceof PgException pg && UNIQUE_VIOLATION.equals(pg.getSqlState())
                && REPLAY_CONSTRAINTS.contains(pg.getConstraint());
    }

    @Override
    public Uni<RemittanceBatch> remitDue(DueQuery query, Function<Transaction, Uni<Optional<TransitionWrite>>> apply) {
        return pool.withTransaction(conn -> conn.preparedQuery(SELECT_DUE)
                .execute(Tuple.from(Arrays.asList(query.merchantId(), query.businessDate(),
                        query.authorizationValidityDays(), query.captureValidityDays(), query.limit(), zone.getId())))
                .flatMap(rows -> {
                    List<Transaction> due = new ArrayList<>();
                    rows.forEach(row -> due.add(TransactionRows.toTransaction(row, zone)));
                    return Multi.createFrom().iterable(due)
                            .onItem().transformToUniAndConcatenate(t -> apply.apply(t))
                            .onItem().transformToUniAndConcatenate(write -> write.isEmpty()
                                    ? Uni.createFrom().item(0)
                                    : writeTransition(conn, write.get()).replaceWith(1))
                            .collect().asList()
                            .map(changed -> new RemittanceBatch(due.size(),
                                    changed.stream().mapToInt(Integer::intValue).sum()));
                }));
    }

    private Uni<Void> writeTransition(SqlConnection conn, TransitionWrite write) {
        return conn.preparedQuery(TransactionRows.UPDATE).execute(TransactionRows.updateTuple(write.transaction()))
                .flatMap(ignored -> insertOperation(conn, write.transaction(), write.operation(), null, "REMITTANCE",
                        null))
                .flatMap(ignored -> insertOutbox(conn, write.events()));
    }

    @Override
    public Uni<Integer> countCardAttempts(String merchantId, String cardFingerprint, Instant since) {
        return pool.preparedQuery("""
                        SELECT count(*) AS attempts FROM transaction
                         WHERE merchant_id = $1 AND card_fingerprint = $2 AND created_at >= $3""")
                .execute(Tuple.of(merchantId, cardFingerprint, OffsetDateTime.ofInstant(since, ZoneOffset.UTC)))
                .map(rows -> rows.iterator().next().getLong("attempts").intValue());
    }

    private static Uni<Void> insertOperation(SqlConnection conn, Transaction transaction, OperationRecord operation,
                                             String operationId, String origin, String answerJson) {
        return conn.preparedQuery(INSERT_OPERATION).execute(Tuple.from(Arrays.asList(
                        UUID.randomUUID(), transaction.id(), transaction.merchantId(), operationId,
                        operation.name().name(), operation.amount().minorUnits(),
                        operation.amount().currency().numeric(), operation.dateTime(), operation.responseCode().code(),
                        origin, answerJson)))
                .replaceWithVoid();
    }

    private static Uni<Void> insertOutbox(SqlConnection conn, List<OutboxEvent> events) {
        if (events.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Tuple> rows = events.stream().map(event -> Tuple.from(Arrays.asList(
                event.id(), event.topic(), event.recordKey(), Buffer.buffer(event.payload()),
                OffsetDateTime.ofInstant(event.createdAt(), ZoneOffset.UTC)))).toList();
        return conn.preparedQuery(INSERT_OUTBOX).executeBatch(rows).replaceWithVoid();
    }
}
