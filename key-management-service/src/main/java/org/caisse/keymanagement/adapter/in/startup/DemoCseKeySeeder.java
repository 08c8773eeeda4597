package org.caisse.keymanagement.adapter.in.startup;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import org.caisse.keymanagement.application.CseKeyService;
import org.caisse.keymanagement.config.DemoMerchantConfig;
import org.caisse.keymanagement.domain.MerchantId;
import org.caisse.keymanagement.domain.cse.CseKeyId;
import org.jboss.logging.Logger;

/**
 * Gives the demo merchant one CSE key pair, kid {@code <merchantId>-cse-demo}, when
 * {@code caisse.demo-merchant.enabled} is true. The fixed kid makes the seeding idempotent across restarts and
 * replicas (an existing pair is never replaced). Start-up waits for it, so the first JWKS request finds the key.
 */
@ApplicationScoped
public class DemoCseKeySeeder {

    static final String DEMO_KID_SUFFIX = "demo";
    private static final Logger LOG = Logger.getLogger(DemoCseKeySeeder.class);
    private static final Duration MAX_WAIT = Duration.ofSeconds(30);

    private final DemoMerchantConfig config;
    private final CseKeyService keys;

    public DemoCseKeySeeder(DemoMerchantConfig config, CseKeyService keys) {
        this.config = config;
        this.keys = keys;
    }

    void onStart(@Observes StartupEvent event) {
        if (!config.enabled()) {
            return;
        }
        CseKeyId id = CseKeyId.named(MerchantId.of(config.merchantId()), DEMO_KID_SUFFIX);
        LOG.infof("Seeding the demo merchant's CSE key pair %s", id.kid());
        keys.createIfAbsent(id).await().atMost(MAX_WAIT);
    }
}
