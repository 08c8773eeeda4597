package org.caisse.notification.adapter.in.scheduler;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.caisse.notification.application.DeliveryWorker;
import org.caisse.notification.config.DeliveryConfig;
import org.jboss.logging.Logger;

/**
 * Drives the delivery worker with a Vert.x timer ({@code caisse.delivery.poll-interval}, 500 ms by default: the
 * Quarkus scheduler cannot go below one second). Safe on several replicas: claims use {@code FOR UPDATE SKIP LOCKED}
 * and a lease, and one process never runs two batches at once.
 */
@ApplicationScoped
public class DeliveryScheduler {

    private static final Logger LOG = Logger.getLogger(DeliveryScheduler.class);

    private final DeliveryWorker worker;
    private final DeliveryConfig config;
    private final Vertx vertx;
    private volatile long timerId = -1;

    public DeliveryScheduler(DeliveryWorker worker, DeliveryConfig config, Vertx vertx) {
        this.worker = worker;
        this.config = config;
        this.vertx = vertx;
    }

    void start(@Observes StartupEvent event) {
        timerId = vertx.setPeriodic(config.pollInterval().toMillis(), id -> tick());
    }

    void stop(@Observes ShutdownEvent event) {
        if (timerId >= 0) {
            vertx.cancelTimer(timerId);
        }
    }

    private void tick() {
        worker.deliverDue().subscribe().with(
                attempted -> { },
                failure -> LOG.warnf("Delivery tick failed: %s %s", failure.getClass().getSimpleName(),
                        failure.getMessage()));
    }

    @Scheduled(identity = "count-open-deliveries", every = "${caisse.delivery.gauge-interval:15s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> refreshGauge() {
        return worker.refreshOpenCount().onFailure().recoverWithUni(failure -> Uni.createFrom().voidItem());
    }
}
