package org.caisse.officeserver.adapter.in.scheduler;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduler;
import org.caisse.officeserver.application.outbox.OutboxRelay;
import org.caisse.officeserver.config.OutboxConfig;
import org.jboss.logging.Logger;

/**
 * Runs the outbox relay every {@code caisse.outbox.interval}, on a worker thread (a Kafka send may block
 * while the broker is unreachable), never twice at once in this process; while another replica holds the
 * relay lease (a PostgreSQL advisory lock) this replica's pass publishes nothing.
 */
@ApplicationScoped
public class OutboxRelayJob {

    private static final Logger LOG = Logger.getLogger(OutboxRelayJob.class);
    private static final Duration MAX_PASS = Duration.ofSeconds(60);

    private final OutboxRelay relay;
    private final Scheduler scheduler;
    private final OutboxConfig config;

    @Inject
    public OutboxRelayJob(OutboxRelay relay, Scheduler scheduler, OutboxConfig config) {
        this.relay = relay;
        this.scheduler = scheduler;
        this.config = config;
    }

    /** Registers the relay job (a blocking task: the scheduler runs it on a worker thread). */
    void schedule(@Observes StartupEvent started) {
        scheduler.newJob("outbox-relay")
                .setInterval(config.interval())
                .setDelayed("1s")
                .setConcurrentExecution(Scheduled.ConcurrentExecution.SKIP)
                .setTask(execution -> relay())
                .schedule();
    }

    void relay() {
        try {
            int published;
            do {
                published = relay.relayOnce().await().atMost(MAX_PASS);
                if (published > 0) {
                    LOG.debugf("outbox: published %d message(s)", published);
                }
            } while (published > 0);
        } catch (RuntimeException failure) {
            LOG.warnf("outbox relay pass failed, will retry: %s", failure.toString());
        }
    }
}
