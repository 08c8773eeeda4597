package org.caisse.notification.adapter.out.persistence;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.caisse.notification.application.port.out.DeliveryStore;
import org.caisse.notification.domain.Channel;
import org.caisse.notification.domain.Delivery;
import org.caisse.notification.domain.DeliveryAttempt;
import org.caisse.notification.domain.DeliveryStatus;

/** {@link DeliveryStore} on PostgreSQL through the reactive client. */
@ApplicationScoped
public class PgDeliveryStore implements DeliveryStore {

    private static final String COLUMNS = "id, event_id, merchant_id, transaction_reference, channel, endpoint, "
            + "payload, status, attempts, next_attempt_at, last_error, created_at, delivered_at";

    private final Pool pool;

    public PgDeliveryStore(Pool pool) {
        this.pool = pool;
    }

    @Override
    public Uni<Boolean> isProcessed(String eventId) {
        return pool.preparedQuery("SELECT 1 FROM processed_event WHERE event_id = $1").execute(Tuple.of(eventId))
                .map(rows -> rows.size() > 0);
    }

    @Override
    public Uni<Boolean> recordProcessedEvent(String eventId, String eventType, List<Delivery> deliveries) {
        return pool.withTransaction(connection -> connection
                .preparedQuery("INSERT INTO processed_event (event_id, event_type) VALUES ($1, $2) "
                        + "ON CONFLICT (event_id) DO NOTHING")
                .execute(Tuple.of(eventId, eventType))
                .flatMap(inserted -> inserted.rowCount() == 0
                        ? Uni.createFrom().item(false)
                        : insertDeliveries(connection, deliveries).replaceWith(true)));
    }

    private Uni<Void> insertDeliveries(SqlConnection connection, List<Delivery> deliveries) {
        if (deliveries.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Tuple> batch = new ArrayList<>();
        for (Delivery d : deliveries) {
            batch.add(Tuple.from(new Object[] {d.id(), d.eventId(), d.merchantId(), d.transactionReference(),
                d.channel().name(), d.endpoint(), new JsonObject(new LinkedHashMap<>(d.payload())), d.status().name(),
                d.attempts(), utc(d.nextAttemptAt()), d.lastError(), utc(d.createdAt()), utc(d.deliveredAt())}));
        }
        return connection.preparedQuery("INSERT INTO delivery (" + COLUMNS + ") VALUES "
                        + "($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) "
                        + "ON CONFLICT (event_id, endpoint) DO NOTHING")
                .executeBatch(batch).replaceWithVoid();
    }

    @Override
    public Uni<List<Delivery>> claimDue(Instant now, Instant leaseUntil, int limit) {
        return pool.withTransaction(connection -> connection.preparedQuery(
                        "UPDATE delivery SET next_attempt_at = $2 WHERE id IN ("
                                + " SELECT id FROM delivery WHERE status IN ('PENDING', 'RETRYING')"
                                + " AND next_attempt_at <= $1 ORDER BY next_attempt_at LIMIT $3"
                                + " FOR UPDATE SKIP LOCKED) RETURNING " + COLUMNS)
                .execute(Tuple.of(utc(now), utc(leaseUntil), limit)))
                .map(PgDeliveryStore::toDeliveries);
    }

    @Override
    public Uni<Boolean> recordAttempt(Delivery.AttemptRecorded recorded) {
        Delivery before = recorded.before();
        Delivery after = recorded.after();
        DeliveryAttempt attempt = recorded.attempt();
        return pool.withTransaction(connection -> connection.preparedQuery(
                        "UPDATE delivery SET status = $3, attempts = $4, next_attempt_at = $5, last_error = $6,"
                                + " delivered_at = $7 WHERE id = $1 AND attempts = $2"
                                + " AND status IN ('PENDING', 'RETRYING')")
                .execute(Tuple.from(new Object[] {after.id(), before.attempts(), after.status().name(),
                    after.attempts(), utc(after.nextAttemptAt()), after.lastError(), utc(after.deliveredAt())}))
                .flatMap(updated -> updated.rowCount() == 0
                        ? Uni.createFrom().item(false)
                        : connection.preparedQuery("INSERT INTO delivery_attempt (delivery_id, attempt_number,"
                                        + " attempted_at, succeeded, detail) VALUES ($1, $2, $3, $4, $5)")
                                .execute(Tuple.of(attempt.deliveryId(), attempt.number(), utc(attempt.attemptedAt()),
                                        attempt.succeeded(), attempt.detail()))
                                .replaceWith(true)));
    }

    @Override
    public Uni<List<Delivery>> findByMerchant(String merchantId, Optional<String> transactionReference, int limit) {
        return transactionReference
                .map(reference -> pool.preparedQuery("SELECT " + COLUMNS + " FROM delivery WHERE merchant_id = $1"
                                + " AND transaction_reference = $2 ORDER BY created_at DESC, id LIMIT $3")
                        .execute(Tuple.of(merchantId, reference, limit)))
                .orElseGet(() -> pool.preparedQuery("SELECT " + COLUMNS + " FROM delivery WHERE merchant_id = $1"
                                + " ORDER BY created_at DESC, id LIMIT $2")
                        .execute(Tuple.of(merchantId, limit)))
                .map(PgDeliveryStore::toDeliveries);
    }

    @Override
    public Uni<Long> countOpen() {
        return pool.query("SELECT count(*) FROM delivery WHERE status IN ('PENDING', 'RETRYING')").execute()
                .map(rows -> rows.iterator().next().getLong(0));
    }

    private static List<Delivery> toDeliveries(RowSet<Row> rows) {
        List<Delivery> deliveries = new ArrayList<>(rows.size());
        for (Row row : rows) {
            deliveries.add(toDelivery(row));
        }
        return deliveries;
    }

    private static Delivery toDelivery(Row row) {
        JsonObject payloadJson = row.getJsonObject("payload");
        Map<String, String> payload = new LinkedHashMap<>();
        if (payloadJson != null) {
            payloadJson.forEach(entry -> payload.put(entry.getKey(), String.valueOf(entry.getValue())));
        }
        return new Delivery(row.getUUID("id"), row.getString("event_id"), row.getString("merchant_id"),
                row.getString("transaction_reference"), Channel.valueOf(row.getString("channel")),
                row.getString("endpoint"), payload, DeliveryStatus.valueOf(row.getString("status")),
                row.getInteger("attempts"), instant(row.getOffsetDateTime("next_attempt_at")),
                row.getString("last_error"), instant(row.getOffsetDateTime("created_at")),
                instant(row.getOffsetDateTime("delivered_at")));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
