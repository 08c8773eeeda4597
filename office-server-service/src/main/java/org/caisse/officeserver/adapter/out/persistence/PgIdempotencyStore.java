package org.caisse.officeserver.adapter.out.persistence;

import java.security.MessageDigest;
import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import org.caisse.officeserver.application.port.out.IdempotencyStore;

/** {@code office_idempotency_key} rows; the claim is one {@code INSERT ... ON CONFLICT} statement. */
@ApplicationScoped
public class PgIdempotencyStore implements IdempotencyStore {

    /**
     * Inserts the claim, or takes over a row that expired or whose request never finished within the lease;
     * a live row is left alone and no row is returned.
     */
    private static final String CLAIM = """
            INSERT INTO office_idempotency_key (merchant_id, idempotency_key, request_hash, created_at, expires_at)
            VALUES ($1, $2, $3, clock_timestamp(), clock_timestamp() + make_interval(secs => $4))
            ON CONFLICT (merchant_id, idempotency_key) DO UPDATE
                SET request_hash = EXCLUDED.request_hash, created_at = EXCLUDED.created_at,
                    expires_at = EXCLUDED.expires_at, response_status = NULL, response_body = NULL
                WHERE office_idempotency_key.expires_at <= clock_timestamp()
                   OR (office_idempotency_key.response_status IS NULL
                       AND office_idempotency_key.created_at <= clock_timestamp() - make_interval(secs => $5))
            RETURNING 1
            """;
    private static final String READ = """
            SELECT request_hash, response_status, response_body FROM office_idempotency_key
            WHERE merchant_id = $1 AND idempotency_key = $2 AND expires_at > clock_timestamp()
            """;
    private static final String COMPLETE = """
            UPDATE office_idempotency_key SET response_status = $4, response_body = $5
            WHERE merchant_id = $1 AND idempotency_key = $2 AND request_hash = $3 AND response_status IS NULL
            """;
    private static final String RELEASE = """
            DELETE FROM office_idempotency_key
            WHERE merchant_id = $1 AND idempotency_key = $2 AND request_hash = $3 AND response_status IS NULL
            """;
    private static final String PRUNE = """
            DELETE FROM office_idempotency_key WHERE ctid IN (
                SELECT ctid FROM office_idempotency_key WHERE expires_at <= clock_timestamp() LIMIT $1)
            """;

    private final Pool pool;

    @Inject
    public PgIdempotencyStore(Pool pool) {
        this.pool = pool;
    }

    @Override
    public Uni<Claim> claim(String merchantId, String key, byte[] requestHash, Duration ttl,
                            Duration inProgressLease) {
        Tuple claim = Tuple.of(merchantId, key, Buffer.buffer(requestHash), seconds(ttl), seconds(inProgressLease));
        return pool.preparedQuery(CLAIM).execute(claim).flatMap(rows -> rows.rowCount() > 0
                ? Uni.createFrom().item(new Claimed())
                : pool.preparedQuery(READ).execute(Tuple.of(merchantId, key)).map(existing -> {
                    if (existing.size() == 0) {
                        // deleted (released or pruned) between the two statements: the caller may simply retry
                        return new InProgress();
                    }
                    return held(existing.iterator().next(), requestHash);
                }));
    }

    private static Claim held(Row row, byte[] requestHash) {
        if (!MessageDigest.isEqual(row.getBuffer("request_hash").getBytes(), requestHash)) {
            return new OtherRequest();
        }
        Integer status = row.getInteger("response_status");
        return status == null ? new InProgress() : new Completed(status, row.getBuffer("response_body").getBytes());
    }

    @Override
    public Uni<Void> complete(String merchantId, String key, byte[] requestHash, int httpStatus, byte[] body) {
        return pool.preparedQuery(COMPLETE).execute(Tuple.of(merchantId, key, Buffer.buffer(requestHash),
                httpStatus, Buffer.buffer(body))).replaceWithVoid();
    }

    @Override
    public Uni<Void> release(String merchantId, String key, byte[] requestHash) {
        return pool.preparedQuery(RELEASE).execute(Tuple.of(merchantId, key, Buffer.buffer(requestHash)))
                .replaceWithVoid();
    }

    @Override
    public Uni<Integer> pruneExpired(int limit) {
        return pool.preparedQuery(PRUNE).execute(Tuple.of(limit)).map(rows -> rows.rowCount());
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }
}
