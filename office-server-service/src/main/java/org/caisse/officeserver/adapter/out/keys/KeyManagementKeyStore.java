package org.caisse.officeserver.adapter.out.keys;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Uni;
import org.caisse.common.keys.CachingMerchantKeyClient;
import org.caisse.common.keys.KeyLookup;
import org.caisse.common.keys.KeyServiceUnavailableException;
import org.caisse.officeserver.adapter.out.security.ServiceTokens;
import org.caisse.officeserver.application.port.out.DownstreamUnavailableException;
import org.caisse.officeserver.application.port.out.MerchantKeyStore;
import org.caisse.officeserver.config.KeyManagementConfig;

/** Merchant seal keys from key-management-service, through the shared caching client. */
@ApplicationScoped
public class KeyManagementKeyStore implements MerchantKeyStore {

    private final CachingMerchantKeyClient client;

    @Inject
    public KeyManagementKeyStore(KeyManagementConfig config, ServiceTokens tokens) {
        this.client = new CachingMerchantKeyClient(config.url(), () -> tokens.tokenFor(config.audience()),
                config.cacheTtl());
    }

    @Override
    public Uni<KeyLookup> find(String merchantId, int keyVersion) {
        return Uni.createFrom().deferred(() -> Uni.createFrom().completionStage(client.find(merchantId, keyVersion)))
                .onFailure().transform(failure -> failure instanceof DownstreamUnavailableException
                        ? failure
                        : new DownstreamUnavailableException("key-management-service: " + describe(failure), failure));
    }

    /** Forgets the cached keys of a merchant (after a key event). */
    public void invalidate(String merchantId) {
        client.invalidate(merchantId);
    }

    private static String describe(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && !(cause instanceof KeyServiceUnavailableException)) {
            cause = cause.getCause();
        }
        return cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }
}
