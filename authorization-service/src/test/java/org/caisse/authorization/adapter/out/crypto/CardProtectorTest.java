package org.caisse.authorization.adapter.out.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;
import java.util.UUID;
import org.caisse.authorization.application.port.out.CardVaultIntegrityException;
import org.caisse.authorization.application.port.out.RevealedCard;
import org.caisse.authorization.application.port.out.VaultEntry;
import org.caisse.common.card.Luhn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CardProtectorTest {

    static final String MERCHANT = "002001000000001";
    static final String OTHER_MERCHANT = "002001000000002";
    static final String PAN = "4970101234567899";
    static final YearMonth EXPIRY = YearMonth.of(2031, 7);
    static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    static final SecureRandom RANDOM = new SecureRandom();

    static byte[] randomKey() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return key;
    }

    static Path keyFile(Path dir, String name, byte[] key) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, Base64.getEncoder().encodeToString(key) + "\n");
        return file;
    }

    static CardProtector protector(byte[] lookupKey, byte[] kek) {
        return new CardProtector(new KeyedCardHashes(lookupKey.clone()),
                new CardEnvelope(new FileKeyEncryptionKeyProvider(kek.clone())));
    }

    final byte[] lookupKey = randomKey();
    final byte[] kek = randomKey();
    final CardProtector protector = protector(lookupKey, kek);

    static CardEnvelope.SealedPan sealed(VaultEntry entry) {
        return new CardEnvelope.SealedPan(entry.panCiphertext(), entry.wrappedDataKey(), entry.kekId());
    }

    @Test
    void aProtectedCardDecryptsBackToItsNumber() {
        VaultEntry entry = protector.protect(MERCHANT, PAN, EXPIRY, NOW);

        assertThat(protector.reveal(MERCHANT, entry.cardId(), sealed(entry))).isEqualTo(PAN);
        assertThat(entry.bin()).isEqualTo("497010");
        assertThat(entry.last4()).isEqualTo("7899");
        assertThat(entry.maskedPan()).isEqualTo("4970##########99");
        assertThat(entry.expiry()).isEqualTo(EXPIRY);
        assertThat(entry.at()).isEqualTo(NOW);
        assertThat(entry.kekId()).startsWith("file:").hasSize(21);
    }

    @Test
    void theCiphertextHoldsNoClearNumber() {
        VaultEntry entry = protector.protect(MERCHANT, PAN, EXPIRY, NOW);

        assertThat(new String(entry.panCiphertext(), StandardCharsets.ISO_8859_1)).doesNotContain(PAN);
        assertThat(HexFormat.of().formatHex(entry.panCiphertext()))
                .doesNotContain(HexFormat.of().formatHex(PAN.getBytes(StandardCharsets.US_ASCII)));
        assertThat(entry.panCiphertext().length).isEqualTo(12 + PAN.length() + 16);
    }

    @Test
    void anotherMerchantsAssociatedDataDoesNotDecrypt() {
        VaultEntry entry = protector.protect(MERCHANT, PAN, EXPIRY, NOW);

        assertThatThrownBy(() -> protector.reveal(OTHER_MERCHANT, entry.cardId(), sealed(entry)))
                .isInstanceOf(CardVaultIntegrityException.class)
                .hasMessageNotContaining(PAN);
    }

    @Test
    void anotherCardIdDoesNotDecrypt() {
        VaultEntry entry = protector.protect(MERCHANT, PAN, EXPIRY, NOW);

        assertThatThrownBy(() -> protector.reveal(MERCHANT, UUID.randomUUID(), sealed(entry)))
                .isInstanceOf(CardVaultIntegrityException.class);
    }

    @Test
    void aTamperedCiphertextDoesNotDecrypt() {
        VaultEntry entry = protector.protect(MERCHANT, PAN, EXPIRY, NOW);
        byte[] tampered = entry.panCiphertext().clone();
        tampered[20] ^= 0x01;

        assertThatThrownBy(() -> protector.reveal(MERCHANT, entry.cardId(),
                new CardEnvelope.SealedPan(tampered, entry.wrappedDataKey(), entry.kekId())))
                .isInstanceOf(CardVaultIntegrityException.class)
                .hasMessageContaining("ciphertext");
    }

    @Test
    void aTamperedWrappedKeyDoesNotDecrypt() {
        VaultEntry entry = protector.protect(MERCHANT, PAN, EXPIRY, NOW);
        byte[] tampered = entry.wrappedDataKey().clone();
        tampered[tampered.length - 1] ^= 0x01;

        assertThatThrownBy(() -> protector.reveal(MERCHANT, entry.cardId(),
                new CardEnvelope.SealedPan(entry.panCiphertext(), tampered, entry.kekId())))
                .isInstanceOf(CardVaultIntegrityException.class)
                .hasMessageContaining("wrapped data key");
    }

    @Test
    void anotherKeyEncryptionKeyCannotOpenTheCard() {
        VaultEntry entry = protector.protect(MERCHANT, PAN, EXPIRY, NOW);
        CardProtector otherKek = protector(lookupKey, randomKey());

        assertThatThrownBy(() -> otherKek.reveal(MERCHANT, entry.cardId(), sealed(entry)))
                .isInstanceOf(CardVaultIntegrityException.class)
                .hasMessageContaining("another key-encryption key");
        // even when the stored KEK id is forged to match, the wrapped key does not authenticate
        VaultEntry forged = otherKek.protect(MERCHANT, PAN, EXPIRY, NOW);
        assertThatThrownBy(() -> otherKek.reveal(MERCHANT, entry.cardId(),
                new CardEnvelope.SealedPan(entry.panCiphertext(), entry.wrappedDataKey(), forged.kekId())))
                .isInstanceOf(CardVaultIntegrityException.class);
    }

    @Test
    void theSameCardGetsTheSameIdAndTokenButAFreshCiphertext() {
        VaultEntry first = protector.protect(MERCHANT, PAN, EXPIRY, NOW);
        VaultEntry again = protector(lookupKey, kek).protect(MERCHANT, PAN, EXPIRY.plusYears(1), NOW);

        assertThat(again.cardId()).isEqualTo(first.cardId());
        assertThat(again.tokenPan()).isEqualTo(first.tokenPan());
        assertThat(again.fingerprint()).isEqualTo(first.fingerprint());
        assertThat(again.panCiphertext()).isNotEqualTo(first.panCiphertext());
        assertThat(again.wrappedDataKey()).isNotEqualTo(first.wrappedDataKey());
        assertThat(first.cardId().version()).isEqualTo(8);
        assertThat(first.cardId().variant()).isEqualTo(2);
    }

    @Test
    void anotherMerchantGetsAnotherIdAndTokenButTheSameFingerprint() {
        VaultEntry mine = protector.protect(MERCHANT, PAN, EXPIRY, NOW);
        VaultEntry theirs = protector.protect(OTHER_MERCHANT, PAN, EXPIRY, NOW);

        assertThat(theirs.cardId()).isNotEqualTo(mine.cardId());
        assertThat(theirs.tokenPan()).isNotEqualTo(mine.tokenPan());
        assertThat(theirs.fingerprint()).isEqualTo(mine.fingerprint());
    }

    @Test
    void tokensNeverLookLikeOrValidateAsCardNumbers() {
        Set<String> tokens = new HashSet<>();
        for (int i = 0; i < 2000; i++) {
            String pan = randomPan();
            String token = protector.protect(MERCHANT, pan, EXPIRY, NOW).tokenPan();
            assertThat(token).matches("tk[a-z2-7]{24}").doesNotContain(pan.substring(pan.length() - 4));
            assertThat(Luhn.isValid(token)).isFalse();
            tokens.add(token);
        }
        assertThat(tokens).hasSize(2000);
    }

    @Test
    void fingerprintsAreStableAndKeyed() throws Exception {
        KeyedCardHashes hashes = new KeyedCardHashes(lookupKey.clone());
        KeyedCardHashes sameKey = new KeyedCardHashes(lookupKey.clone());
        KeyedCardHashes otherKey = new KeyedCardHashes(randomKey());

        String fingerprint = hashes.of(PAN);
        assertThat(fingerprint).matches("[0-9a-f]{64}");
        assertThat(sameKey.of(PAN)).isEqualTo(fingerprint);
        assertThat(otherKey.of(PAN)).isNotEqualTo(fingerprint);
        assertThat(hashes.of("4970101234567881")).isNotEqualTo(fingerprint);
        String unkeyed = HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(PAN.getBytes(StandardCharsets.US_ASCII)));
        assertThat(fingerprint).isNotEqualTo(unkeyed);
    }

    @Test
    void rotatingTheKeyEncryptionKeyChangesNoFingerprintIdOrToken() {
        VaultEntry before = protector.protect(MERCHANT, PAN, EXPIRY, NOW);
        VaultEntry after = protector(lookupKey, randomKey()).protect(MERCHANT, PAN, EXPIRY, NOW);

        assertThat(after.kekId()).isNotEqualTo(before.kekId());
        assertThat(after.fingerprint()).isEqualTo(before.fingerprint());
        assertThat(after.cardId()).isEqualTo(before.cardId());
        assertThat(after.tokenPan()).isEqualTo(before.tokenPan());
    }

    @Test
    void noTextOfAVaultedOrRevealedCardShowsTheNumber() {
        VaultEntry entry = protector.protect(MERCHANT, PAN, EXPIRY, NOW);
        RevealedCard revealed = new RevealedCard(entry.cardId(), MERCHANT, entry.tokenPan(),
                protector.reveal(MERCHANT, entry.cardId(), sealed(entry)), EXPIRY, "VISA");

        assertThat(entry.toString()).doesNotContain(PAN).doesNotContain(PAN.substring(6, 12))
                .doesNotContain(entry.fingerprint()).contains("4970##########99");
        assertThat(revealed.toString()).doesNotContain(PAN).contains("4970##########99");
        assertThat(revealed.pan()).isEqualTo(PAN);
    }

    @Test
    void aMalformedNumberIsRefusedWithoutBeingEchoed() {
        assertThatThrownBy(() -> protector.protect(MERCHANT, "4970-1012-3456", EXPIRY, NOW))
                .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("4970");
        assertThatThrownBy(() -> protector.protect(MERCHANT, "49701012345", EXPIRY, NOW))
                .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("4970");
    }

    @Test
    void keysAreReadFromBase64FilesAndBadFilesStopTheService(@TempDir Path dir) throws Exception {
        Path lookup = keyFile(dir, "lookup.key", lookupKey);
        Path kekFile = keyFile(dir, "service.kek", kek);
        CardProtector fromFiles = new CardProtector(new KeyedCardHashes(lookup),
                new CardEnvelope(new FileKeyEncryptionKeyProvider(kekFile)));
        VaultEntry entry = fromFiles.protect(MERCHANT, PAN, EXPIRY, NOW);
        assertThat(protector.reveal(MERCHANT, entry.cardId(), sealed(entry))).isEqualTo(PAN);
        assertThat(entry.tokenPan()).isEqualTo(protector.protect(MERCHANT, PAN, EXPIRY, NOW).tokenPan());

        assertThatThrownBy(() -> new KeyedCardHashes(dir.resolve("missing.key")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("missing.key");
        Path shortKey = dir.resolve("short.key");
        Files.writeString(shortKey, Base64.getEncoder().encodeToString(new byte[16]));
        assertThatThrownBy(() -> new FileKeyEncryptionKeyProvider(shortKey))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("32 bytes");
        Path notBase64 = dir.resolve("text.key");
        Files.writeString(notBase64, "not base64 at all!");
        assertThatThrownBy(() -> new KeyedCardHashes(notBase64))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("base64")
                .hasMessageNotContaining("not base64 at all");
    }

    @Test
    void base32FollowsRfc4648() {
        assertThat(KeyedCardHashes.base32("fooba".getBytes(StandardCharsets.US_ASCII))).isEqualTo("mzxw6ytb");
        assertThat(KeyedCardHashes.base32(new byte[5])).isEqualTo("aaaaaaaa");
    }

    static String randomPan() {
        StringBuilder partial = new StringBuilder("4");
        for (int i = 0; i < 14; i++) {
            partial.append(RANDOM.nextInt(10));
        }
        return partial.toString() + Luhn.checkDigit(partial.toString());
    }
}
