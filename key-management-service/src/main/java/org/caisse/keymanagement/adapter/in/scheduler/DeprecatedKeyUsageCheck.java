package org.caisse.keymanagement.adapter.in.scheduler;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.caisse.keymanagement.application.DeprecatedKeyUsageMonitor;
import org.jboss.logging.Logger;

/** Runs the deprecated-key usage check periodically and exposes gauge {@code caisse_keys_deprecated_in_use}. */
@ApplicationScoped
public class DeprecatedKeyUsageCheck {

    private static final Logger LOG = Logger.getLogger(DeprecatedKeyUsageCheck.class);

    private final DeprecatedKeyUsageMonitor monitor;

    public DeprecatedKeyUsageCheck(DeprecatedKeyUsageMonitor monitor, MeterRegistry registry) {
        this.monitor = monitor;
        Gauge.builder("caisse.keys.deprecated.in.use", monitor, DeprecatedKeyUsageMonitor::flaggedVersions)
                .description("Deprecated key versions still fetched by services close to their notAfter")
                .register(registry);
    }

    @Scheduled(every = "${caisse.key-events.deprecated-check-interval:15m}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void check() {
        try {
            monitor.check().await().atMost(Duration.ofSeconds(60));
        } catch (RuntimeException e) {
            LOG.warnf("Deprecated key usage check failed: %s", e.toString());
        }
    }
}
