package org.caisse.keymanagement.adapter.out.crypto;

import com.google.crypto.tink.subtle.AesGcmJce;
import com.google.crypto.tink.subtle.Random;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.GeneralSecurityException;
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

    static final int DATA_KEY_BYTES = 32;

    private final KeyEncryptionKeyProvider keyEncryptionKey;

    public TinkSecretKeyEnvelope(KeyEncryptionKeyProvider keyEncryptionKey) {
        this.keyEncryptionKey = keyEncryptionKey;
    }

    @Override
    public EncryptedSecret seal(MerchantKeyId id, SecretKeyMaterial secret) {
        byte[] associatedData = id.associatedData();
        byte[] dataKey = Random.randBytes(DATA_KEY_BYTES);
        byte[] plaintext = secret.toUtf8();
        try {
            byte[] encryptedSecret = new AesGcmJce(dataKey).encrypt(plaintext, associatedData);
            byte[] wrappedDataKey = keyEncryptionKey.wrap(dataKey, associatedData);
            return new EncryptedSecret(wrappedDataKey, encryptedSecret);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Encrypting key material failed", e);
        } finally {
            Arrays.fill(dataKey, (byte) 0);
            Arrays.fill(plaintext, (byte) 0);
        }
    }

    @Override
    public SecretKeyMaterial open(MerchantKeyId id, EncryptedSecret encrypted) {
        byte[] associatedData = id.associatedData();
        byte[] dataKey;
        try {
            dataKey = keyEncryptionKey.unwrap(encrypted.wrappedDataKey(), associatedData);
        } catch (KeyEncryptionKeyProvider.KeyUnwrapException e) {
            throw new KeyMaterialIntegrityException(id);
        }
        byte[] plaintext = null;
        try {
            plaintext = new AesGcmJce(dataKey).decrypt(encrypted.encryptedSecret(), associatedData);
            return SecretKeyMaterial.fromUtf8(plaintext);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new KeyMaterialIntegrityException(id);
        } finally {
            Arrays.fill(dataKey, (byte) 0);
            if (plaintext != null) {
                Arrays.fill(plaintext, (byte) 0);
            }
        }
    }
}
