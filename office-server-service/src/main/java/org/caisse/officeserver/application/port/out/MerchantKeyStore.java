package org.caisse.officeserver.application.port.out;

import io.smallrye.mutiny.Uni;
import org.caisse.common.keys.KeyLookup;

/**
 * Merchant seal keys, read from key-management-service. Fails with
 * {@link DownstreamUnavailableException} when no answer can be had (Sips 90, never 34).
 */
public interface MerchantKeyStore {

    Uni<KeyLookup> find(String merchantId, int keyVersion);
}
