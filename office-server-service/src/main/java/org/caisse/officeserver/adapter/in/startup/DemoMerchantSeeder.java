package org.caisse.officeserver.adapter.in.startup;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.quarkus.runtime.StartupEvent;
import org.caisse.officeserver.application.merchant.MerchantAccountService;
import org.caisse.officeserver.config.DemoMerchantConfig;
import org.caisse.officeserver.domain.merchant.DemoMerchant;
import org.jboss.logging.Logger;

/**
 * Upserts the demo merchant at start when {@code caisse.demo-merchant.enabled}; unchanged settings
 * write nothing (no outbox row, no event). A failure stops the start: a platform started for a demo
 * without its merchant would only fail later and less clearly.
 */
@ApplicationScoped
public class DemoMerchantSeeder {

    private static final Logger LOG = Logger.getLogger(DemoMerchantSeeder.class);

    private final DemoMerchantConfig config;
    private final MerchantAccountService merchants;

    @Inject
    public DemoMerchantSeeder(DemoMerchantConfig config, MerchantAccountService merchants) {
        this.config = config;
        this.merchants = merchants;
    }

    void onStart(@Observes StartupEvent started) {
        if (!config.enabled()) {
            return;
        }
        boolean changed = merchants.save(DemoMerchant.settings()).await().atMost(Duration.ofSeconds(30));
        LOG.infof("demo merchant %s %s", DemoMerchant.MERCHANT_ID, changed ? "stored and announced" : "unchanged");
    }
}
