package org.caisse.keymanagement.application;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.caisse.keymanagement.application.port.out.KeyCustodyStore;
import org.caisse.keymanagement.application.port.out.KeyCustodyTransaction.DeprecatedUse;
import org.caisse.keymanagement.config.KeyEventsConfig;
import org.caisse.keymanagement.domain.custody.KeyEvent;
import org.caisse.keymanagement.domain.custody.KeyEventType;
import org.caisse.keymanagement.domain.custody.SealKeyVersion;
import org.jboss.logging.Logger;

/**
 * Flags merchants still using a DEPRECATED version close to its notAfter: served by the internal fetch API within
 * {@code recent-use-window}, with notAfter within {@code deprecated-warning-window}. Each flagged version gets one
 * {@code deprecated-key-in-use} event (for notification-service) and counts in {@link #flaggedVersions()} (a gauge).
 */
@ApplicationScoped
public class DeprecatedKeyUsageMonitor {

    private static final Logger LOG = Logger.getLogger(DeprecatedKeyUsageMonitor.class);

    private final KeyCustodyStore store;
    private final KeyEventsConfig config;
    private final Clock clock;
    private final AtomicInteger flagged = new AtomicInteger();

    public DeprecatedKeyUsageMonitor(KeyCustodyStore store, KeyEventsConfig config, Clock clock) {
        this.store = store;
        this.config = config;
        this.clock = clock;
    }

    /** Versions flagged by the last check. */
    public int flaggedVersions() {
        return flagged.get();
    }

    /** One check; returns the versions flagged now (warned before or not). */
    public Uni<List<SealKeyVersion>> check() {
        Instant now = clock.instant();
        return store.inTransaction(tx -> tx.deprecatedVersionsInUse(now, now.plus(config.deprecatedWarningWindow()),
                now.minus(config.recentUseWindow())).flatMap(found -> {
                    Uni<Void> chain = Uni.createFrom().voidItem();
                    for (DeprecatedUse use : found) {
                        if (use.alreadyWarned()) {
                            continue;
                        }
                        SealKeyVersion version = use.version();
                        Map<String, Object> data = new LinkedHashMap<>();
                        data.put("merchantId", version.merchantId().value());
                        data.put("keyVersion", version.keyVersion().value());
                        data.put("environment", version.environment().name());
                        data.put("status", version.status().name());
                        data.put("notAfter", version.notAfter().map(Instant::toString).orElse(null));
                        data.put("lastUsedAt", version.lastUsedAt().map(Instant::toString).orElse(null));
                        KeyEvent event = new KeyEvent(UUID.randomUUID(), KeyEventType.DEPRECATED_KEY_IN_USE,
                                version.merchantId(), now, data);
                        LOG.warnf("Merchant %s still uses deprecated key version %s (not after %s)",
                                version.merchantId(), version.keyVersion(), version.notAfter().orElse(null));
                        chain = chain.flatMap(x -> tx.publish(event))
                                .flatMap(x -> tx.markUsageWarned(version.id(), now));
                    }
                    return chain.replaceWith(found.stream().map(DeprecatedUse::version).toList());
                })).invoke(list -> flagged.set(list.size()));
    }
}
