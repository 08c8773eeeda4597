package org.caisse.authorization.adapter.out.crypto;

import com.google.crypto.tink.subtle.AesGcmJce;
import com.google.crypto.tink.subtle.Random;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.UUID;
import org.caisse.authorization.application.port.out.CardVaultIntegrityException;
import org.caisse.authorization.application.port.out.KeyEncryptionKeyProvider;

/**
 * Envelope encryption of card numbers with Tink's AES-256-GCM: a fresh 32-byte data key per encryption, wrapped by
 * the key-encryption key. Both layers take {@code caisse/card-vault/v1|merchantId|cardId} as associated data, so a
 * row copied to another merchant or card id does not decrypt.
 */
@ApplicationScoped
public class CardEnvelope {

    static final int DATA_KEY_BYTES = 32;

    private final KeyEncryptionKeyProvider keyEncryptionKey;

    public CardEnvelope(KeyEncryptionKeyProvider keyEncryptionKey) {
        this.keyEncryptionKey = keyEncryptionKey;
    }

    /** What the vault stores for a card number. */
    public record SealedPan(byte[] ciphertext, byte[] wrappedDataKey, String kekId) {
    }

    public SealedPan seal(String merchantId, UUID cardId, String pan) {
        byte[] associatedData = associatedData(merchantId, cardId);
        byte[] dataKey = Random.randBytes(DATA_KEY_BYTES);
        byte[] plaintext = pan.getBytes(StandardCharsets.US_ASCII);
        try {
            byte[] ciphertext = new AesGcmJce(dataKey).encrypt(plaintext, associatedData);
            return new SealedPan(ciphertext, keyEncryptionKey.wrap(dataKey, associatedData),
                    keyEncryptionKey.keyId());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Encrypting a card number failed", e);
        } finally {
            Arrays.fill(dataKey, (byte) 0);
            Arrays.fill(plaintext, (byte) 0);
        }
    }

    /** @throws CardVaultIntegrityException when the row was altered, moved, or wrapped under an unknown KEK */
    public String open(String merchantId, UUID cardId, SealedPan sealed) {
        byte[] associatedData = associatedData(merchantId, cardId);
        byte[] dataKey;
        try {
            dataKey = keyEncryptionKey.unwrap(sealed.kekId(), sealed.wrappedDataKey(), associatedData);
        } catch (KeyEncryptionKeyProvider.KeyUnwrapException e) {
            throw new CardVaultIntegrityException(cardId, e.getMessage());
        }
        byte[] plaintext = null;
        try {
            plaintext = new AesGcmJce(dataKey).decrypt(sealed.ciphertext(), associatedData);
            return new String(plaintext, StandardCharsets.US_ASCII);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new CardVaultIntegrityException(cardId, "the ciphertext does not authenticate");
        } finally {
            Arrays.fill(dataKey, (byte) 0);
            if (plaintext != null) {
                Arrays.fill(plaintext, (byte) 0);
            }
        }
    }

    static byte[] associatedData(String merchantId, UUID cardId) {
        return ("caisse/card-vault/v1|" + merchantId + "|" + cardId).getBytes(StandardCharsets.US_ASCII);
    }
}
