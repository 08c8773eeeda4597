package org.caisse.authorization.adapter.out.cse;

import com.nimbusds.jose.jwk.ECKey;
import io.smallrye.mutiny.Uni;

/** Where the decryptor finds a merchant's CSE private key. */
public interface CsePrivateKeySource {

    /**
     * The private P-256 key {@code kid} of the merchant, usable now. Fails with
     * {@link org.caisse.authorization.application.port.out.CardDecryptionException}: {@code UNKNOWN_KEY},
     * {@code KEY_NOT_USABLE} or {@code KEY_SERVICE_UNAVAILABLE}.
     */
    Uni<ECKey> privateKey(String merchantId, String kid);
}
