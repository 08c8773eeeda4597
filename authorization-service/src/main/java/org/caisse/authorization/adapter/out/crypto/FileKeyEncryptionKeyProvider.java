package org.caisse.authorization.adapter.out.crypto;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.subtle.AesGcmJce;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import org.caisse.authorization.application.port.out.KeyEncryptionKeyProvider;
import org.caisse.authorization.config.AuthorizationConfig;

/**
 * The card vault's key-encryption key read from a file (base64 of 32 random bytes), used as AES-256-GCM. Loaded once
 * at start-up: a missing or malformed file stops the service rather than letting it vault cards without custody.
 * Its id ({@code file:} and 16 hex digits of a hash of the key) tells which KEK wrapped a stored data key, so a
 * rotation can find the rows still to rewrap.
 */
@Startup
@ApplicationScoped
public class FileKeyEncryptionKeyProvider implements KeyEncryptionKeyProvider {

    private final Aead kek;
    private final String keyId;

    @Inject
    public FileKeyEncryptionKeyProvider(AuthorizationConfig config) {
        this(config.vault().keyEncryptionKeyFile());
    }

    public FileKeyEncryptionKeyProvider(Path file) {
        this(KeyFiles.read(file, "key-encryption key"));
    }

    /** Takes the raw key and wipes it once used. */
    FileKeyEncryptionKeyProvider(byte[] raw) {
        try {
            this.kek = new AesGcmJce(raw);
            this.keyId = "file:" + fingerprint(raw);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The key-encryption key could not be initialised", e);
        } finally {
            Arrays.fill(raw, (byte) 0);
        }
    }

    /** A one-way identifier of the key: the first 8 bytes of SHA-256 over a label and the key. */
    private static String fingerprint(byte[] raw) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update("caisse/kek-id|".getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(sha256.digest(raw), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    @Override
    public String keyId() {
        return keyId;
    }

    @Override
    public byte[] wrap(byte[] dataKey, byte[] associatedData) {
        try {
            return kek.encrypt(dataKey, associatedData);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Wrapping a data key failed", e);
        }
    }

    @Override
    public byte[] unwrap(String wrappingKeyId, byte[] wrappedDataKey, byte[] associatedData) {
        if (!keyId.equals(wrappingKeyId)) {
            throw new KeyUnwrapException("the data key was wrapped by another key-encryption key ("
                    + wrappingKeyId + ")");
        }
        try {
            return kek.decrypt(wrappedDataKey, associatedData);
        } catch (GeneralSecurityException e) {
            throw new KeyUnwrapException("the wrapped data key does not authenticate");
        }
    }
}
