package org.caisse.common.keys;

import java.util.concurrent.CompletionStage;

/**
 * Reads merchant seal keys. The stage completes with a {@link KeyLookup}, or exceptionally with a
 * {@link KeyServiceUnavailableException} when the key service cannot answer (callers answer Sips 90/99, not 34).
 */
public interface MerchantKeyClient {

    CompletionStage<KeyLookup> find(String merchantId, int keyVersion);
}
