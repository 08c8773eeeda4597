package org.caisse.keymanagement.adapter.out.crypto;

import com.google.crypto.tink.subtle.AesGcmJce;
import com.google.crypto.tink.subtle.Random;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import org.caisse.keymanagement.application.port.out.EncryptedSecret;
import org.caisse.keymanagement.application.port.out.KeyEncryptionKeyProvider;

/**
 * The envelope shared by every kind of key material: a fresh 32-byte AES-256-GCM data key (Tink) encrypts the
 * plaintext, the key-encryption key wraps the data key, and both layers take the same associated data.
 */
final class AeadEnvelope {

    static final int DATA_KEY_BYTES = 32;

    /** Either layer did not authenticate under the given associated data. */
    static final class OpenFailedException extends Exception {
        OpenFailedException() {
            super(null, null, false, false);
        }
    }

    private final KeyEncryptionKeyProvider keyEncryptionKey;

    AeadEnvelope(KeyEncryptionKeyProvider keyEncryptionKey) {
        this.keyEncryptionKey = keyEncryptionKey;
    }

    /** Encrypts {@code plaintext} (which the caller erases afterwards). */
    EncryptedSecret seal(byte[] plaintext, byte[] associatedData) {
        byte[] dataKey = Random.randBytes(DATA_KEY_BYTES);
        try {
            byte[] encrypted = new AesGcmJce(dataKey).encrypt(plaintext, associatedData);
            byte[] wrappedDataKey = keyEncryptionKey.wrap(dataKey, associatedData);
            return new EncryptedSecret(keyEncryptionKey.currentKekId(), wrappedDataKey, encrypted);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Encrypting key material failed", e);
        } finally {
            Arrays.fill(dataKey, (byte) 0);
        }
    }

    /**
     * The same material with its data key wrapped under the current KEK; {@code encryptedSecret} is untouched.
     * Already current material is returned as it is.
     */
    EncryptedSecret rewrap(EncryptedSecret encrypted, byte[] associatedData) throws OpenFailedException {
        if (keyEncryptionKey.currentKekId().equals(encrypted.kekId())) {
            return encrypted;
        }
        byte[] dataKey;
        try {
            dataKey = keyEncryptionKey.unwrap(encrypted.kekId(), encrypted.wrappedDataKey(), associatedData);
        } catch (KeyEncryptionKeyProvider.KeyUnwrapException e) {
            throw new OpenFailedException();
        }
        try {
            return new EncryptedSecret(keyEncryptionKey.currentKekId(), keyEncryptionKey.wrap(dataKey, associatedData),
                    encrypted.encryptedSecret());
        } finally {
            Arrays.fill(dataKey, (byte) 0);
        }
    }

    /** The plaintext, which the caller erases once used. */
    byte[] open(EncryptedSecret encrypted, byte[] associatedData) throws OpenFailedException {
        byte[] dataKey;
        try {
            dataKey = keyEncryptionKey.unwrap(encrypted.kekId(), encrypted.wrappedDataKey(), associatedData);
        } catch (KeyEncryptionKeyProvider.KeyUnwrapException e) {
            throw new OpenFailedException();
        }
        try {
            return new AesGcmJce(dataKey).decrypt(encrypted.encryptedSecret(), associatedData);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new OpenFailedException();
        } finally {
            Arrays.fill(dataKey, (byte) 0);
        }
    }
}
