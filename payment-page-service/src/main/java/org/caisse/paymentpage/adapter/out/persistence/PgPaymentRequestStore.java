package org.caisse.paymentpage.adapter.out.persistence;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.caisse.common.seal.SealAlgorithm;
import org.caisse.paymentpage.application.port.out.PaymentRequestStore;
import org.caisse.paymentpage.domain.PaymentRequest;
import org.caisse.paymentpage.domain.PaymentStatus;
import org.caisse.paymentpage.domain.PaypageRequest;
import org.caisse.paymentpage.domain.PendingAuthentication;

/** Payment requests in PostgreSQL (table {@code payment_request}), with the reactive client. */
@ApplicationScoped
public class PgPaymentRequestStore implements PaymentRequestStore {

    private static final String UNIQUE_VIOLATION = "23505";

    private final Pool pool;

    public PgPaymentRequestStore(Pool pool) {
        this.pool = pool;
    }

    @Override
    public Uni<Boolean> insert(PaymentRequest r) {
        Tuple params = Tuple.tuple()
                .addUUID(r.id())
                .addString(r.merchantId())
                .addString(r.request().transactionReference())
                .addValue(new JsonObject(new LinkedHashMap<String, Object>(r.request().fields())))
                .addString(r.sealAlgorithm().wireName())
                .addString(r.encode() == null ? "" : r.encode())
                .addString(r.interfaceVersion())
                .addString(r.csrfToken())
                .addString(r.status().name())
                .addOffsetDateTime(utc(r.createdAt()))
                .addOffsetDateTime(utc(r.expiresAt()));
        return pool.preparedQuery("""
                        INSERT INTO payment_request (id, merchant_id, transaction_reference, fields, seal_algorithm,
                            encode, interface_version, csrf_token, status, created_at, expires_at)
                        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
                        ON CONFLICT (merchant_id, transaction_reference) DO NOTHING""")
                .execute(params)
                .map(rows -> rows.rowCount() == 1)
                .onFailure(e -> e instanceof PgException pg && UNIQUE_VIOLATION.equals(pg.getSqlState()))
                .recoverWithItem(false);
    }

    @Override
    public Uni<Optional<PaymentRequest>> find(UUID id) {
        return pool.preparedQuery("SELECT * FROM payment_request WHERE id = $1")
                .execute(Tuple.of(id))
                .map(rows -> {
                    var it = rows.iterator();
                    return it.hasNext() ? Optional.of(toRequest(it.next())) : Optional.empty();
                });
    }

    @Override
    public Uni<Boolean> transition(UUID id, PaymentStatus from, PaymentStatus to) {
        return pool.preparedQuery("""
                        UPDATE payment_request SET status = $3,
                            authorizing_since = CASE WHEN $3 = 'AUTHORIZING' THEN now() ELSE authorizing_since END
                        WHERE id = $1 AND status = $2""")
                .execute(Tuple.of(id, from.name(), to.name()))
                .map(rows -> rows.rowCount() == 1);
    }

    @Override
    public Uni<Boolean> awaitAuthentication(UUID id, PendingAuthentication authentication) {
        return pool.preparedQuery("""
                        UPDATE payment_request SET status = 'AUTHENTICATING', authentication_id = $2,
                            authentication_expires_at = $3
                        WHERE id = $1 AND status = 'AUTHORIZING'""")
                .execute(Tuple.of(id, authentication.id(), utc(authentication.expiresAt())))
                .map(rows -> rows.rowCount() == 1);
    }

    @Override
    public Uni<Boolean> complete(UUID id, PaymentStatus from, Map<String, Object> snapshot) {
        return pool.preparedQuery("""
                        UPDATE payment_request SET status = 'COMPLETED', snapshot = $3, completed_at = now()
                        WHERE id = $1 AND status = $2""")
                .execute(Tuple.of(id, from.name(), new JsonObject(new LinkedHashMap<>(snapshot))))
                .map(rows -> rows.rowCount() == 1);
    }

    private static PaymentRequest toRequest(Row row) {
        Map<String, String> fields = new LinkedHashMap<>();
        row.getJsonObject("fields").forEach(e -> fields.put(e.getKey(), String.valueOf(e.getValue())));
        PaypageRequest request = new PaypageRequest(
                fields.get("merchantId"),
                Integer.parseInt(fields.get("keyVersion")),
                Long.parseLong(fields.get("amount")),
                fields.get("currencyCode"),
                fields.get("normalReturnUrl"),
                fields.get("transactionReference"),
                fields);
        JsonObject snapshot = row.getJsonObject("snapshot");
        return new PaymentRequest(
                row.getUUID("id"),
                request,
                SealAlgorithm.fromWireName(row.getString("seal_algorithm")).orElseThrow(),
                row.getString("encode"),
                row.getString("interface_version"),
                row.getString("csrf_token"),
                PaymentStatus.valueOf(row.getString("status")),
                snapshot == null ? null : snapshot.getMap(),
                row.getOffsetDateTime("created_at").toInstant(),
                row.getOffsetDateTime("expires_at").toInstant(),
                row.getOffsetDateTime("authorizing_since") == null ? null
                        : row.getOffsetDateTime("authorizing_since").toInstant(),
                row.getString("authentication_id") == null ? null : new PendingAuthentication(
                        row.getString("authentication_id"), row.getOffsetDateTime("authentication_expires_at").toInstant()));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
