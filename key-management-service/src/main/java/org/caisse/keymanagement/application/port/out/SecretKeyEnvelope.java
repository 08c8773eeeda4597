package org.caisse.keymanagement.application.port.out;

import org.caisse.keymanagement.domain.KeyMaterialIntegrityException;
import org.caisse.keymanagement.domain.MerchantKeyId;
import org.caisse.keymanagement.domain.SecretKeyMaterial;

/**
 * Envelope encryption of secret key material at rest: a fresh data key per row encrypts the secret, and the
 * key-encryption key wraps the data key. Both layers are bound to {@link MerchantKeyId#associatedData()}.
 */
public interface SecretKeyEnvelope {

    EncryptedSecret seal(MerchantKeyId id, SecretKeyMaterial secret);

    /**
     * @throws KeyMaterialIntegrityException when either layer fails to authenticate for {@code id}
     */
    SecretKeyMaterial open(MerchantKeyId id, EncryptedSecret encrypted);

    /**
     * The same material with its data key re-wrapped under the current key-encryption key; the encrypted secret is
     * untouched (KEK rotation).
     *
     * @throws KeyMaterialIntegrityException when the data key does not unwrap for {@code id}
     */
    EncryptedSecret rewrap(MerchantKeyId id, EncryptedSecret encrypted);
}
