package org.caisse.officeserver.adapter.in.scheduler;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduler;
import org.caisse.officeserver.application.port.out.IdempotencyStore;
import org.caisse.officeserver.config.OfficeGuardConfig;
import org.jboss.logging.Logger;

/**
 * Deletes expired idempotency keys every {@code caisse.office.idempotency.prune-interval}, in batches (short
 * statements, no long lock). Expired rows are ignored by the claim anyway; pruning only reclaims space, so
 * several replicas pruning at once is harmless.
 */
@ApplicationScoped
public class IdempotencyPruneJob {

    private static final Logger LOG = Logger.getLogger(IdempotencyPruneJob.class);
    private static final int BATCH = 1000;
    private static final Duration MAX_BATCH = Duration.ofSeconds(30);

    private final IdempotencyStore store;
    private final Scheduler scheduler;
    private final OfficeGuardConfig config;

    @Inject
    public IdempotencyPruneJob(IdempotencyStore store, Scheduler scheduler, OfficeGuardConfig config) {
        this.store = store;
        this.scheduler = scheduler;
        this.config = config;
    }

    void schedule(@Observes StartupEvent started) {
        scheduler.newJob("idempotency-prune")
                .setInterval(config.idempotency().pruneInterval().toSeconds() + "s")
                .setDelayed("10s")
                .setConcurrentExecution(Scheduled.ConcurrentExecution.SKIP)
                .setTask(execution -> prune())
                .schedule();
    }

    int prune() {
        int total = 0;
        try {
            int deleted;
            do {
                deleted = store.pruneExpired(BATCH).await().atMost(MAX_BATCH);
                total += deleted;
            } while (deleted == BATCH);
            if (total > 0) {
                LOG.debugf("idempotency: pruned %d expired key(s)", total);
            }
        } catch (RuntimeException failure) {
            LOG.warnf("idempotency prune failed, will retry: %s", failure.toString());
        }
        return total;
    }
}
