package org.caisse.keymanagement.adapter.out.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import org.caisse.keymanagement.application.port.out.EncryptedSecret;
import org.caisse.keymanagement.domain.KeyMaterialIntegrityException;
import org.caisse.keymanagement.domain.MerchantKeyId;
import org.caisse.keymanagement.domain.SecretKeyMaterial;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The envelope on its own: a KEK file in a temporary folder, no database. */
class TinkSecretKeyEnvelopeTest {

    private static final MerchantKeyId KEY_1 = MerchantKeyId.of("002001000000001", 1);
    private static final SecretKeyMaterial SECRET = SecretKeyMaterial.of("002001000000001_KEY1");

    @TempDir
    Path folder;

    private TinkSecretKeyEnvelope envelope;

    @BeforeEach
    void setUp() throws IOException {
        envelope = new TinkSecretKeyEnvelope(new FileKeyEncryptionKeyProvider(kekFile("kek")));
    }

    @Test
    void sealedSecretOpensUnderTheSameMerchantAndVersion() {
        EncryptedSecret sealed = envelope.seal(KEY_1, SECRET);
        assertThat(envelope.open(KEY_1, sealed)).isEqualTo(SECRET);
    }

    @Test
    void ciphertextsDoNotContainTheSecretAndDifferForEachSeal() {
        EncryptedSecret first = envelope.seal(KEY_1, SECRET);
        EncryptedSecret second = envelope.seal(KEY_1, SECRET);
        byte[] plain = SECRET.toUtf8();
        assertThat(indexOf(first.encryptedSecret(), plain)).isEqualTo(-1);
        assertThat(first.encryptedSecret()).isNotEqualTo(second.encryptedSecret());
        assertThat(first.wrappedDataKey()).isNotEqualTo(second.wrappedDataKey());
        // 12-byte nonce + 32-byte data key + 16-byte tag
        assertThat(first.wrappedDataKey()).hasSize(60);
    }

    @Test
    void sealedSecretDoesNotOpenForAnotherMerchant() {
        EncryptedSecret sealed = envelope.seal(KEY_1, SECRET);
        assertThatThrownBy(() -> envelope.open(MerchantKeyId.of("002001000000002", 1), sealed))
                .isInstanceOf(KeyMaterialIntegrityException.class)
                .hasMessageContaining("002001000000002");
    }

    @Test
    void sealedSecretDoesNotOpenForAnotherVersion() {
        EncryptedSecret sealed = envelope.seal(KEY_1, SECRET);
        assertThatThrownBy(() -> envelope.open(MerchantKeyId.of("002001000000001", 2), sealed))
                .isInstanceOf(KeyMaterialIntegrityException.class);
    }

    @Test
    void dataKeyLayerIsBoundTooSwappingOnlyTheEncryptedSecretFails() {
        MerchantKeyId other = MerchantKeyId.of("002001000000002", 1);
        EncryptedSecret mine = envelope.seal(KEY_1, SECRET);
        EncryptedSecret theirs = envelope.seal(other, SecretKeyMaterial.of("another-secret"));
        EncryptedSecret spliced = new EncryptedSecret(mine.wrappedDataKey(), theirs.encryptedSecret());
        assertThatThrownBy(() -> envelope.open(KEY_1, spliced)).isInstanceOf(KeyMaterialIntegrityException.class);
    }

    @Test
    void flippedCiphertextBitFails() {
        EncryptedSecret sealed = envelope.seal(KEY_1, SECRET);
        byte[] altered = sealed.encryptedSecret().clone();
        altered[altered.length - 1] ^= 1;
        assertThatThrownBy(() -> envelope.open(KEY_1, new EncryptedSecret(sealed.wrappedDataKey(), altered)))
                .isInstanceOf(KeyMaterialIntegrityException.class);
    }

    @Test
    void anotherKeyEncryptionKeyCannotOpen() throws IOException {
        EncryptedSecret sealed = envelope.seal(KEY_1, SECRET);
        TinkSecretKeyEnvelope otherKek = new TinkSecretKeyEnvelope(
                new FileKeyEncryptionKeyProvider(kekFile("other.kek")));
        assertThatThrownBy(() -> otherKek.open(KEY_1, sealed)).isInstanceOf(KeyMaterialIntegrityException.class);
    }

    @Test
    void missingOrMalformedKekFileIsAClearStartupErrorWithoutTheKey() throws IOException {
        assertThatThrownBy(() -> new FileKeyEncryptionKeyProvider(folder.resolve("absent.kek")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("absent.kek");
        Path shortKey = folder.resolve("short.kek");
        Files.writeString(shortKey, Base64.getEncoder().encodeToString(new byte[16]));
        assertThatThrownBy(() -> new FileKeyEncryptionKeyProvider(shortKey))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("32 bytes");
        Path notBase64 = folder.resolve("garbage.kek");
        Files.writeString(notBase64, "not base64 !!!");
        assertThatThrownBy(() -> new FileKeyEncryptionKeyProvider(notBase64))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("base64");
    }

    private Path kekFile(String name) throws IOException {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        Path file = folder.resolve(name);
        Files.writeString(file, Base64.getEncoder().encodeToString(key) + "\n", StandardCharsets.US_ASCII);
        return file;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        return -1;
    }
}
