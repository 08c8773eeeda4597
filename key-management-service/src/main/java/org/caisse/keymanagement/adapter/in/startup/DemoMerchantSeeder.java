package org.caisse.keymanagement.adapter.in.startup;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import org.caisse.keymanagement.application.MerchantKeyService;
import org.caisse.keymanagement.config.DemoMerchantConfig;
import org.caisse.keymanagement.domain.KeyEnvironment;
import org.caisse.keymanagement.domain.MerchantKeyId;
import org.caisse.keymanagement.domain.SecretKeyMaterial;
import org.jboss.logging.Logger;

/**
 * Imports the demo merchant's TEST key (the public Sips test merchant, SIPS.md §8) when
 * {@code caisse.demo-merchant.enabled} is true. Runs at {@link StartupEvent}, after Flyway has migrated, and
 * holds start-up until the import is committed so that the first request already finds the key.
 * Idempotent: an existing version is left as it is.
 */
@ApplicationScoped
public class DemoMerchantSeeder {

    private static final Logger LOG = Logger.getLogger(DemoMerchantSeeder.class);
    private static final Duration MAX_WAIT = Duration.ofSeconds(30);

    private final DemoMerchantConfig config;
    private final MerchantKeyService keys;

    public DemoMerchantSeeder(DemoMerchantConfig config, MerchantKeyService keys) {
        this.config = config;
        this.keys = keys;
    }

    void onStart(@Observes StartupEvent event) {
        if (!config.enabled()) {
            return;
        }
        MerchantKeyId id = MerchantKeyId.of(config.merchantId(), config.keyVersion());
        LOG.infof("Seeding the demo merchant %s (TEST key version %s)", id.merchantId(), id.keyVersion());
        keys.importKey(id, KeyEnvironment.TEST, SecretKeyMaterial.of(config.secretKey()))
                .await().atMost(MAX_WAIT);
    }
}
