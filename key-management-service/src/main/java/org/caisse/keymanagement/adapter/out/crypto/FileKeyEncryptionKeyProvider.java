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
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.caisse.keymanagement.application.port.out.KeyEncryptionKeyProvider;
import org.caisse.keymanagement.config.KeyEncryptionKeyConfig;

/**
 * Key-encryption keys read from files (base64 of 32 random bytes), used as AES-256-GCM: the current one
 * ({@code caisse.key-encryption-key.file}) wraps and unwraps, the previous ones
 * ({@code caisse.key-encryption-key.previous-files}, during a KEK rotation) only unwrap. Loaded once at start-up: a
 * missing or malformed file stops the service rather than letting it run without custody.
 *
 * <p>A KEK's id is {@code kek-} + 16 hex digits of HMAC-SHA-256(KEK, "caisse kek id"): stable, derived from the key
 * (no configuration can mislabel a file), and revealing nothing usable about it.
 */
@Startup
@ApplicationScoped
public class FileKeyEncryptionKeyProvider implements KeyEncryptionKeyProvider {

    static final int KEY_BYTES = 32;

    private record LoadedKek(String id, Aead aead) {
    }

    private final LoadedKek current;
    /** Current first, then the previous ones. */
    private final Map<String, Aead> all = new LinkedHashMap<>();

    @Inject
    public FileKeyEncryptionKeyProvider(KeyEncryptionKeyConfig config) {
        this(config.file(), config.previousFiles().orElse(List.of()));
    }

    public FileKeyEncryptionKeyProvider(Path file) {
        this(file, List.of());
    }

    public FileKeyEncryptionKeyProvider(Path file, List<Path> previousFiles) {
        this.current = load(file);
        all.put(current.id(), current.aead());
        for (Path previous : previousFiles) {
            LoadedKek loaded = load(previous);
            all.putIfAbsent(loaded.id(), loaded.aead());
        }
    }

    private static LoadedKek load(Path file) {
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
            return new LoadedKek(idOf(raw), new AesGcmJce(raw));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The key-encryption key could not be initialised", e);
        } finally {
            Arrays.fill(raw, (byte) 0);
        }
    }

    private static String idOf(byte[] raw) throws NoSuchAlgorithmException, InvalidKeyException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(raw, "HmacSHA256"));
        byte[] tag = mac.doFinal("caisse kek id".getBytes(StandardCharsets.US_ASCII));
        return "kek-" + HexFormat.of().formatHex(tag, 0, 8);
    }

    @Override
    public String currentKekId() {
        return current.id();
    }

    /** The ids of every loaded KEK, current first. */
    public List<String> loadedKekIds() {
        return List.copyOf(all.keySet());
    }

    @Override
    public byte[] wrap(byte[] dataKey, byte[] associatedData) {
        try {
            return current.aead().encrypt(dataKey, associatedData);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Wrapping a data key failed", e);
        }
    }

    @Override
    public byte[] unwrap(byte[] wrappedDataKey, byte[] associatedData) {
        return unwrap(null, wrappedDataKey, associatedData);
    }

    @Override
    public byte[] unwrap(String kekId, byte[] wrappedDataKey, byte[] associatedData) {
        if (kekId != null) {
            Aead named = all.get(kekId);
            if (named == null) {
                throw new KeyUnwrapException("The data key was wrapped under key-encryption key " + kekId
                        + ", which is not loaded", null);
            }
            return unwrapWith(named, wrappedDataKey, associatedData);
        }
        KeyUnwrapException last = null;
        for (Aead aead : all.values()) {
            try {
                return unwrapWith(aead, wrappedDataKey, associatedData);
            } catch (KeyUnwrapException e) {
                last = e;
            }
        }
        throw last;
    }

    private static byte[] unwrapWith(Aead aead, byte[] wrappedDataKey, byte[] associatedData) {
        try {
            return aead.decrypt(wrappedDataKey, associatedData);
        } catch (GeneralSecurityException e) {
            throw new KeyUnwrapException("The wrapped data key does not authenticate", e);
        }
    }
}
