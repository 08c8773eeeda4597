package org.caisse.keymanagement.adapter.out.crypto;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import org.caisse.keymanagement.application.port.out.EncryptedSecret;
import org.caisse.keymanagement.application.port.out.KeyEncryptionKeyProvider;
import org.caisse.keymanagement.application.port.out.SecretKeyEnvelope;
import org.caisse.keymanagement.domain.KeyMaterialIntegrityException;
import org.caisse.keymanagement.domain.MerchantKeyId;
import org.caisse.keymanagement.domain.SecretKeyMaterial;

/**
 * Envelope encryption with Tink's AES-256-GCM: a fresh 32-byte data key per row encrypts the secret; the
 * key-encryption key wraps the data key. Both layers take {@code merchantId|keyVersion} as associated data,
 * so neither ciphertext opens under another merchant or version.
 */
@ApplicationScoped
public class TinkSecretKeyEnvelope implements SecretKeyEnvelope {

    private final AeadEnvelope envelope;

    public TinkSecretKeyEnvelope(KeyEncryptionKeyProvider keyEncryptionKey) {
        this.envelope = new AeadEnvelope(keyEncryptionKey);
    }

    @Override
    public EncryptedSecret seal(MerchantKeyId id, SecretKeyMaterial secret) {
        byte[] plaintext = secret.toUtf8();
        try {
            return envelope.seal(plaintext, id.associatedData());
        } finally {
            Arrays.fill(plaintext, (byte) 0);
        }
    }

    @Override
    public SecretKeyMaterial open(MerchantKeyId id, EncryptedSecret encrypted) {
        byte[] plaintext = null;
        try {
            plaintext = envelope.open(encrypted, id.associatedData());
            return SecretKeyMaterial.fromUtf8(plaintext);
        } catch (AeadEnvelope.OpenFailedException | IllegalArgumentException e) {
            throw new KeyMaterialIntegrityException(id);
        } finally {
            if (plaintext != null) {
                Arrays.fill(plaintext, (byte) 0);
            }
        }
    }

    @Override
    public EncryptedSecret rewrap(MerchantKeyId id, EncryptedSecret encrypted) {
        try {
            return envelope.rewrap(encrypted, id.associatedData());
        } catch (AeadEnvelope.OpenFailedException e) {
            throw new KeyMaterialIntegrityException(id);
        }
    }
}
