package org.caisse.authorization.adapter.out.persistence;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicBoolean;
import org.caisse.authorization.config.AuthorizationConfig;
import org.jboss.logging.Logger;

/**
 * Every {@code caisse.outbox.prune-interval}, deletes the rows whose use is over, in batches: outbox rows published
 * more than {@code caisse.outbox.retention} ago (unpublished rows are never touched, however old: they are the
 * relay's work), and 3-D Secure authentications abandoned by the shopper, a day after their expiry (until then a late
 * completion still gets its {@code 97} answer rather than "unknown"). Replicas may prune at the same time: a row
 * deleted by one is simply not found by the other.
 */
@ApplicationScoped
public class RetentionPruner {

    private static final Logger LOG = Logger.getLogger(RetentionPruner.class);

    /** How long an expired pending authentication is kept, so that a late completion is told it expired. */
    static final Duration EXPIRED_AUTHENTICATION_KEPT = Duration.ofDays(1);

    static final String DELETE_AUTHENTICATIONS = """
            DELETE FROM pending_authentication WHERE id = ANY (ARRAY(
                SELECT id FROM pending_authentication WHERE expires_at < $1 LIMIT $2))""";

    static final String DELETE_OUTBOX = """
            DELETE FROM outbox WHERE ctid = ANY (ARRAY(
                SELECT ctid FROM outbox
                 WHERE created_at < $1 AND published_at IS NOT NULL AND published_at < $1
                 LIMIT $2))""";

    private final Pool pool;
    private final Vertx vertx;
    private final Clock clock;
    private final AuthorizationConfig.Outbox settings;
    private final Counter pruned;
    private final Counter purged;
    private final AtomicBoolean running = new AtomicBoolean();
    private long timerId = -1;

    public RetentionPruner(Pool pool, Vertx vertx, Clock clock, AuthorizationConfig config, MeterRegistry registry) {
        this.pool = pool;
        this.vertx = vertx;
        this.clock = clock;
        this.settings = config.outbox();
        this.pruned = Counter.builder("caisse.outbox.pruned")
                .description("Published outbox events deleted after the retention period").register(registry);
        this.purged = Counter.builder("caisse.three-d-secure.abandoned.purged")
                .description("Pending 3-D Secure authentications deleted a day after their expiry").register(registry);
    }

    void start(@Observes StartupEvent startup) {
        long interval = Math.max(1000, settings.pruneInterval().toMillis());
        timerId = vertx.setPeriodic(interval, id -> {
            if (running.compareAndSet(false, true)) {
                Instant now = clock.instant();
                pruneOutbox(now.minus(settings.retention()))
                        .flatMap(ignored -> purgeAuthentications(now.minus(EXPIRED_AUTHENTICATION_KEPT)))
                        .subscribe().with(
                        count -> running.set(false),
                        failure -> {
                            running.set(false);
                            LOG.warnf("pruning failed, next attempt in %s: %s", settings.pruneInterval(),
                                    failure.getMessage());
                        });
            }
        });
    }

    void stop(@Observes ShutdownEvent shutdown) {
        if (timerId >= 0) {
            vertx.cancelTimer(timerId);
        }
    }

    /** Deletes every outbox row created and published before {@code cutoff}; answers how many. */
    public Uni<Long> pruneOutbox(Instant cutoff) {
        return deleteInBatches(DELETE_OUTBOX, cutoff, 0L).invoke(count -> pruned.increment(count));
    }

    /** Deletes every pending authentication that expired before {@code cutoff}; answers how many. */
    public Uni<Long> purgeAuthentications(Instant cutoff) {
        return deleteInBatches(DELETE_AUTHENTICATIONS, cutoff, 0L).invoke(count -> purged.increment(count));
    }

    private Uni<Long> deleteInBatches(String sql, Instant cutoff, long sofar) {
        int batch = settings.pruneBatchSize();
        return pool.preparedQuery(sql).execute(Tuple.of(OffsetDateTime.ofInstant(cutoff, ZoneOffset.UTC), batch))
                .flatMap(rows -> rows.rowCount() < batch
                        ? Uni.createFrom().item(sofar + rows.rowCount())
                        : deleteInBatches(sql, cutoff, sofar + rows.rowCount()));
    }
}
