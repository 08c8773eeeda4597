package org.caisse.notification.adapter.out.keys;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.caisse.common.keys.CachingMerchantKeyClient;
import org.caisse.notification.config.KeyManagementConfig;

/** Merchant seal keys from key-management-service, cached, fetched with a service JWT. */
public class MerchantKeyClientProducer {

    @Produces
    @Singleton
    CachingMerchantKeyClient merchantKeyClient(KeyManagementConfig config) {
        return new CachingMerchantKeyClient(config.url(), new ServiceTokenProvider(config.audience()),
                config.cacheTtl());
    }
}
