package org.caisse.officeserver.adapter.in.scheduler;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.scheduler.Scheduled;
import org.caisse.officeserver.application.outbox.OutboxRelay;
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

    @Inject
    public OutboxRelayJob(OutboxRelay relay) {
        this.relay = relay;
    }

    @Scheduled(identity = "outbox-relay", every = "${caisse.outbox.interval:1s}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
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
