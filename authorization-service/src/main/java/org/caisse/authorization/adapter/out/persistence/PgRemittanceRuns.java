package org.caisse.authorization.adapter.out.persistence;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import org.caisse.authorization.application.RemittanceReport;
import org.caisse.authorization.application.port.out.RemittanceRuns;

/** Remittance runs in the {@code remittance_run} table; the lease is compared with the database clock. */
@ApplicationScoped
public class PgRemittanceRuns implements RemittanceRuns {

    private final Pool pool;

    public PgRemittanceRuns(Pool pool) {
        this.pool = pool;
    }

    @Override
    public Uni<Boolean> tryLease(LocalDate businessDate, String holder, Duration lease) {
        return pool.preparedQuery("""
                        INSERT INTO remittance_run AS r (business_date, holder, lease_until, started_at)
                        VALUES ($1, $2, now() + $3 * interval '1 millisecond', now())
                        ON CONFLICT (business_date) DO UPDATE
                           SET holder = EXCLUDED.holder, lease_until = EXCLUDED.lease_until,
                               started_at = coalesce(r.started_at, EXCLUDED.started_at)
                         WHERE r.finished_at IS NULL
                           AND (r.lease_until IS NULL OR r.lease_until < now() OR r.holder = EXCLUDED.holder)
                        RETURNING business_date""")
                .execute(Tuple.of(businessDate, holder, lease.toMillis()))
                .map(rows -> rows.size() == 1);
    }

    @Override
    public Uni<Void> finish(LocalDate businessDate, String holder, RemittanceReport report) {
        return pool.preparedQuery("""
                        UPDATE remittance_run
                           SET finished_at = now(), lease_until = NULL, captured = $3, authorized = $4,
                               credited = $5, expired = $6
                         WHERE business_date = $1 AND holder = $2""")
                .execute(Tuple.from(Arrays.asList(businessDate, holder, report.captured(), report.authorized(),
                        report.credited(), report.expired())))
                .replaceWithVoid();
    }
}
