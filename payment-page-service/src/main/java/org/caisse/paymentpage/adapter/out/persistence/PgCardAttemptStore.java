package org.caisse.paymentpage.adapter.out.persistence;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.caisse.paymentpage.application.port.out.CardAttemptStore;

/** Card attempt counts in PostgreSQL (tables {@code card_entry_rejection} and {@code card_submission}). */
@ApplicationScoped
public class PgCardAttemptStore implements CardAttemptStore {

    private final Pool pool;

    public PgCardAttemptStore(Pool pool) {
        this.pool = pool;
    }

    @Override
    public Uni<Integer> recordRejectedEntry(UUID paymentRequestId) {
        return pool.preparedQuery("""
                        INSERT INTO card_entry_rejection (payment_request_id, rejections, updated_at)
                        VALUES ($1, 1, now())
                        ON CONFLICT (payment_request_id) DO UPDATE
                          SET rejections = card_entry_rejection.rejections + 1, updated_at = now()
                        RETURNING rejections""")
                .execute(Tuple.of(paymentRequestId))
                .map(rows -> rows.iterator().next().getInteger("rejections"));
    }

    @Override
    public Uni<Integer> recordSubmission(String fingerprint, Instant at, Instant windowStart) {
        // One statement: the insert and the count see the same snapshot plus this row.
        return pool.preparedQuery("""
                        WITH added AS (
                          INSERT INTO card_submission (fingerprint, submitted_at) VALUES ($1, $2) RETURNING 1
                        )
                        SELECT (SELECT count(*) FROM card_submission
                                WHERE fingerprint = $1 AND submitted_at > $3)
                             + (SELECT count(*) FROM added) AS submissions""")
                .execute(Tuple.of(fingerprint, at.atOffset(ZoneOffset.UTC), windowStart.atOffset(ZoneOffset.UTC)))
                .map(rows -> rows.iterator().next().getLong("submissions").intValue());
    }

    @Override
    public Uni<Integer> prune(Instant submissionsBefore, Instant sessionsBefore) {
        return pool.preparedQuery("DELETE FROM card_submission WHERE submitted_at <= $1")
                .execute(Tuple.of(submissionsBefore.atOffset(ZoneOffset.UTC)))
                .onItem().transformToUni(submissions -> pool.preparedQuery(
                                "DELETE FROM card_entry_rejection WHERE updated_at <= $1")
                        .execute(Tuple.of(sessionsBefore.atOffset(ZoneOffset.UTC)))
                        .map(sessions -> submissions.rowCount() + sessions.rowCount()));
    }
}
