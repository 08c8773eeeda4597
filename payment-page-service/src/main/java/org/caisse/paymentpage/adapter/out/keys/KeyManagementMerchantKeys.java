package org.caisse.paymentpage.adapter.out.keys;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.caisse.common.keys.CachingMerchantKeyClient;
import org.caisse.common.keys.KeyLookup;
import org.caisse.paymentpage.adapter.out.jwt.ServiceTokens;
import org.caisse.paymentpage.application.port.out.MerchantKeys;
import org.caisse.paymentpage.config.KeyManagementConfig;

/** Merchant keys from key-management-service, through the shared caching client. */
@ApplicationScoped
public class KeyManagementMerchantKeys implements MerchantKeys {

    static final String AUDIENCE = "key-management-service";

    private final CachingMerchantKeyClient client;

    public KeyManagementMerchantKeys(KeyManagementConfig config, ServiceTokens tokens) {
        this.client = new CachingMerchantKeyClient(config.url(), () -> tokens.tokenFor(AUDIENCE),
                config.cacheTtl());
    }

    @Override
    public Uni<KeyLookup> find(String merchantId, int keyVersion) {
        return Uni.createFrom().completionStage(() -> client.find(merchantId, keyVersion));
    }

    /** Forgets the cached keys of a merchant. */
    public void invalidate(String merchantId) {
        client.invalidate(merchantId);
    }
}
