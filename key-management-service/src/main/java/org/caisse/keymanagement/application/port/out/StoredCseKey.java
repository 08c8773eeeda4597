package org.caisse.keymanagement.application.port.out;

import java.util.Objects;
import java.util.Optional;
import org.caisse.keymanagement.domain.cse.CsePublicKey;

/**
 * A CSE key pair as the repository holds it: the public side in clear, the private JWK encrypted. The encrypted
 * private key is absent when it was not read ({@link CseKeyRepository#findPublicByMerchant}).
 */
public record StoredCseKey(CsePublicKey publicKey, Optional<EncryptedSecret> encryptedPrivateKey) {

    public StoredCseKey {
        Objects.requireNonNull(publicKey, "publicKey");
        Objects.requireNonNull(encryptedPrivateKey, "encryptedPrivateKey");
    }
}
