package org.caisse.keymanagement.adapter.out.crypto;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.subtle.AesGcmJce;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;
import org.caisse.keymanagement.application.port.out.KeyEncryptionKeyProvider;
import org.caisse.keymanagement.config.KeyEncryptionKeyConfig;

/**
 * The key-encryption key read from a file (base64 of 32 random bytes), used as AES-256-GCM. Loaded once at
 * start-up: a missing or malformed file stops the service rather than letting it run without custody.
 */
@Startup
@ApplicationScoped
public class FileKeyEncryptionKeyProvider implements KeyEncryptionKeyProvider {

    static final int KEY_BYTES = 32;

    private final Aead kek;

    @Inject
    public FileKeyEncryptionKeyProvider(KeyEncryptionKeyConfig config) {
        this(config.file());
    }

    public FileKeyEncryptionKeyProvider(Path file) {
        this.kek = load(file);
    }

    private static Aead load(Path file) {
        byte[] raw;
        try {
            String text = Files.readString(file, StandardCharsets.US_ASCII).strip();
            raw = Base64.getDecoder().decode(text);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the key-encryption key file " + file.toAbsolutePath()
                    + " (" + e.getClass().getSimpleName() + ")");
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("The key-encryption key file " + file.toAbsolutePath()
                    + " is not valid base64");
        }
        try {
            if (raw.length != KEY_BYTES) {
                throw new IllegalStateException("The key-encryption key file " + file.toAbsolutePath()
                        + " must hold " + KEY_BYTES + " bytes (base64), found " + raw.length);
            }
            return new AesGcmJce(raw);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The key-encryption key could not be initialised", e);
        } finally {
            Arrays.fill(raw, (byte) 0);
        }
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
    public byte[] unwrap(byte[] wrappedDataKey, byte[] associatedData) {
        try {
            return kek.decrypt(wrappedDataKey, associatedData);
        } catch (GeneralSecurityException e) {
            throw new KeyUnwrapException("The wrapped data key does not authenticate", e);
        }
    }
}
