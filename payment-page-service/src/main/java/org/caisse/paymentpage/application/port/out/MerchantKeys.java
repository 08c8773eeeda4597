package org.caisse.paymentpage.application.port.out;

import io.smallrye.mutiny.Uni;
import org.caisse.common.keys.KeyLookup;

/** The merchants' secret keys (key-management-service); a failed Uni means the service is unavailable. */
public interface MerchantKeys {

    Uni<KeyLookup> find(String merchantId, int keyVersion);
}
