package org.caisse.keymanagement.adapter.out.crypto;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import org.caisse.keymanagement.application.port.out.CsePrivateKeyEnvelope;
import org.caisse.keymanagement.application.port.out.EncryptedSecret;
import org.caisse.keymanagement.application.port.out.KeyEncryptionKeyProvider;
import org.caisse.keymanagement.domain.cse.CseKeyId;
import org.caisse.keymanagement.domain.cse.CseKeyMaterialIntegrityException;
import org.caisse.keymanagement.domain.cse.CsePrivateJwk;

/**
 * The seal keys' envelope ({@link AeadEnvelope}, same key-encryption key) for CSE private JWKs, bound to
 * {@code merchantId|kid}: a private key copied to another merchant or kid does not open.
 */
@ApplicationScoped
public class TinkCsePrivateKeyEnvelope implements CsePrivateKeyEnvelope {

    private final AeadEnvelope envelope;

    public TinkCsePrivateKeyEnvelope(KeyEncryptionKeyProvider keyEncryptionKey) {
        this.envelope = new AeadEnvelope(keyEncryptionKey);
    }

    @Override
    public EncryptedSecret seal(CseKeyId id, CsePrivateJwk privateJwk) {
        byte[] plaintext = privateJwk.toUtf8();
        try {
            return envelope.seal(plaintext, id.associatedData());
        } finally {
            Arrays.fill(plaintext, (byte) 0);
        }
    }

    @Override
    public CsePrivateJwk open(CseKeyId id, EncryptedSecret encrypted) {
        byte[] plaintext = null;
        try {
            plaintext = envelope.open(encrypted, id.associatedData());
            return CsePrivateJwk.fromUtf8(plaintext);
        } catch (AeadEnvelope.OpenFailedException | IllegalArgumentException e) {
            throw new CseKeyMaterialIntegrityException(id);
        } finally {
            if (plaintext != null) {
                Arrays.fill(plaintext, (byte) 0);
            }
        }
    }

    @Override
    public EncryptedSecret rewrap(CseKeyId id, EncryptedSecret encrypted) {
        try {
            return envelope.rewrap(encrypted, id.associatedData());
        } catch (AeadEnvelope.OpenFailedException e) {
            throw new CseKeyMaterialIntegrityException(id);
        }
    }
}
