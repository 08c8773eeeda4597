package org.caisse.keymanagement.application.port.out;

import org.caisse.keymanagement.domain.cse.CseKeyId;
import org.caisse.keymanagement.domain.cse.CseKeyMaterialIntegrityException;
import org.caisse.keymanagement.domain.cse.CsePrivateJwk;

/**
 * Envelope encryption of CSE private keys at rest, as for seal keys ({@link SecretKeyEnvelope}): a fresh data key
 * per row, wrapped by the key-encryption key; both layers bound to {@link CseKeyId#associatedData()}
 * ({@code merchantId|kid}).
 */
public interface CsePrivateKeyEnvelope {

    EncryptedSecret seal(CseKeyId id, CsePrivateJwk privateJwk);

    /**
     * @throws CseKeyMaterialIntegrityException when either layer fails to authenticate for {@code id}
     */
    CsePrivateJwk open(CseKeyId id, EncryptedSecret encrypted);

    /**
     * The same material with its data key re-wrapped under the current key-encryption key; the encrypted secret is
     * untouched (KEK rotation).
     *
     * @throws CseKeyMaterialIntegrityException when the data key does not unwrap for {@code id}
     */
    EncryptedSecret rewrap(CseKeyId id, EncryptedSecret encrypted);
}
