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
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicBoolean;
import org.caisse.authorization.config.AuthorizationConfig;
import org.jboss.logging.Logger;

/**
 * Deletes published outbox rows older than {@code caisse.outbox.retention}, in batches, every
 * {@code caisse.outbox.prune-interval}. Unpublished rows are never touched, however old: they are the relay's
 * work. Replicas may prune at the same time: a row deleted by one is simply not found by the other.
 */
@ApplicationScoped
public class OutboxPruner {

    private static final Logger LOG = Logger.getLogger(OutboxPruner.class);

    static final String DELETE_BATCH = """
            DELETE FROM outbox WHERE ctid = ANY (ARRAY(
                SELECT ctid FROM outbox
                 WHERE created_at < $1 AND published_at IS NOT NULL AND published_at < $1
                 LIMIT $2))""";

    private final Pool pool;
    private final Vertx vertx;
    private final Clock clock;
    private final AuthorizationConfig.Outbox settings;
    private final Counter pruned;
    private final AtomicBoolean running = new AtomicBoolean();
    private long timerId = -1;

    public OutboxPruner(Pool pool, Vertx vertx, Clock clock, AuthorizationConfig config, MeterRegistry registry) {
        this.pool = pool;
        this.vertx = vertx;
        this.clock = clock;
        this.settings = config.outbox();
        this.pruned = Counter.builder("caisse.outbox.pruned")
                .description("Published outbox events deleted after the retention period").register(registry);
    }

    void start(@Observes StartupEvent startup) {
        long interval = Math.max(1000, settings.pruneInterval().toMillis());
        timerId = vertx.setPeriodic(interval, id -> {
            if (running.compareAndSet(false, true)) {
                pruneOlderThan(clock.instant().minus(settings.retention())).subscribe().with(
                        count -> running.set(false),
                        failure -> {
                            running.set(false);
                            LOG.warnf("outbox pruning failed, next attempt in %s: %s", settings.pruneInterval(),
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

    /** Deletes every published row created and published before {@code cutoff}; answers how many. */
    public Uni<Long> pruneOlderThan(Instant cutoff) {
        return deleteFrom(OffsetDateTime.ofInstant(cutoff, ZoneOffset.UTC), 0L);
    }

    private Uni<Long> deleteFrom(OffsetDateTime cutoff, long sofar) {
        return pool.preparedQuery(DELETE_BATCH).execute(Tuple.of(cutoff, settings.pruneBatchSize()))
                .flatMap(rows -> {
                    int deleted = rows.rowCount();
                    pruned.increment(deleted);
                    return deleted < settings.pruneBatchSize()
                            ? Uni.createFrom().item(sofar + deleted)
                            : deleteFrom(cutoff, sofar + deleted);
                });
    }
}
