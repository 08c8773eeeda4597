package org.caisse.authorization.adapter.in.schedule;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.caisse.authorization.application.EngineSettings;
import org.caisse.authorization.application.RemittanceService;
import org.caisse.authorization.application.port.out.RemittanceRuns;
import org.caisse.authorization.config.AuthorizationConfig;
import org.jboss.logging.Logger;

/**
 * Starts the day's remittance once the cut-off has passed, on whichever replica takes the lease first; a replica
 * that comes back after a missed cut-off (it was down) also runs yesterday's remittance if it never finished.
 */
@ApplicationScoped
public class DailyRemittance {

    private static final Logger LOG = Logger.getLogger(DailyRemittance.class);

    private final RemittanceService remittance;
    private final RemittanceRuns runs;
    private final AuthorizationConfig config;
    private final EngineSettings settings;
    private final Clock clock;
    private final Vertx vertx;
    private final String holder = "authorization-service-" + UUID.randomUUID();
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile long timerId = -1;

    public DailyRemittance(RemittanceService remittance, RemittanceRuns runs, AuthorizationConfig config,
                           EngineSettings settings, Clock clock, Vertx vertx) {
        this.remittance = remittance;
        this.runs = runs;
        this.config = config;
        this.settings = settings;
        this.clock = clock;
        this.vertx = vertx;
    }

    void start(@Observes StartupEvent startup) {
        if (!config.remittance().enabled()) {
            LOG.info("daily remittance disabled on this instance");
            return;
        }
        long interval = Math.max(1000, config.remittance().checkInterval().toMillis());
        timerId = vertx.setPeriodic(interval, id -> {
            if (running.compareAndSet(false, true)) {
                tick().subscribe().with(ignored -> running.set(false), failure -> {
                    running.set(false);
                    LOG.warnf("remittance run failed, will retry: %s", failure.toString());
                });
            }
        });
    }

    void stop(@Observes ShutdownEvent shutdown) {
        if (timerId >= 0) {
            vertx.cancelTimer(timerId);
        }
    }

    /** Runs yesterday's remittance if it never finished, then today's once past the cut-off. */
    Uni<Void> tick() {
        LocalDate today = remittance.today();
        LocalTime nowLocal = LocalTime.now(clock.withZone(settings.zone()));
        Uni<Void> yesterday = runIfLeased(today.minusDays(1));
        return nowLocal.isBefore(config.remittance().cutOff())
                ? yesterday : yesterday.flatMap(ignored -> runIfLeased(today));
    }

    private Uni<Void> runIfLeased(LocalDate businessDate) {
        return runs.tryLease(businessDate, holder, config.remittance().lease())
                .flatMap(leased -> !leased ? Uni.createFrom().voidItem()
                        : remittance.run(null, businessDate)
                                .flatMap(report -> runs.finish(businessDate, holder, report)));
    }
}
