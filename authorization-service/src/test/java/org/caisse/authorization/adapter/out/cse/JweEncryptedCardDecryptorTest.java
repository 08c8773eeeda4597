package org.caisse.authorization.adapter.out.cse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.DirectEncrypter;
import com.nimbusds.jose.crypto.ECDHEncrypter;
import com.nimbusds.jose.jwk.ECKey;
import io.smallrye.mutiny.Uni;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.caisse.authorization.application.port.out.CardDecryptionException;
import org.caisse.authorization.application.port.out.CardDecryptionException.Reason;
import org.caisse.authorization.application.port.out.DecryptedCard;
import org.caisse.authorization.support.CseBlobs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Decryption with keys generated here, served by an in-memory key source: no network. */
class JweEncryptedCardDecryptorTest {

    private static final String MERCHANT = "002001000000001";
    private static final String PAN = "4100000000000005";
    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

    private final ECKey key = CseBlobs.newKeyPair(MERCHANT);
    private final Map<String, ECKey> served = new ConcurrentHashMap<>(Map.of(key.getKeyID(), key));
    private final AtomicInteger lookups = new AtomicInteger();
    private final CsePrivateKeySource source = (merchantId, kid) -> {
        lookups.incrementAndGet();
        ECKey found = MERCHANT.equals(merchantId) ? served.get(kid) : null;
        return found == null
                ? Uni.createFrom().failure(new CardDecryptionException(Reason.UNKNOWN_KEY, "no key " + kid))
                : Uni.createFrom().item(found);
    };
    private final JweEncryptedCardDecryptor decryptor = new JweEncryptedCardDecryptor(source,
            Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofHours(24), Duration.ofMinutes(5));

    private DecryptedCard decrypt(String blob) {
        return decryptor.decrypt(MERCHANT, blob).await().atMost(Duration.ofSeconds(5));
    }

    private CardDecryptionException failure(String merchantId, String blob) {
        Throwable thrown = catchThrowable(() -> decryptor.decrypt(merchantId, blob).await()
                .atMost(Duration.ofSeconds(5)));
        assertThat(thrown).isInstanceOf(CardDecryptionException.class);
        assertThat(thrown.getMessage()).doesNotContain(PAN).doesNotContain("123456789012");
        assertThat(thrown.getStackTrace()).isEmpty();
        return (CardDecryptionException) thrown;
    }

    private Reason reasonFor(String blob) {
        return failure(MERCHANT, blob).reason();
    }

    private String blob(String plaintext) {
        return CseBlobs.encryptJson(key.toPublicJWK(), plaintext);
    }

    @Test
    void aValidBlobGivesTheCardAndItsToStringShowsBinAndLastFourOnly() {
        DecryptedCard card = decrypt(CseBlobs.encrypt(key.toPublicJWK(), PAN, "202812", "123", NOW.minusSeconds(60)));
        assertThat(card.pan()).isEqualTo(PAN);
        assertThat(card.expiry()).isEqualTo(YearMonth.of(2028, 12));
        assertThat(card.csc()).isEqualTo("123");
        assertThat(card.toString()).contains("410000******0005").doesNotContain(PAN).doesNotContain("123]")
                .doesNotContain("csc=123");
    }

    @Test
    void theSecurityCodeIsOptional() {
        DecryptedCard card = decrypt(CseBlobs.encrypt(key.toPublicJWK(), PAN, "202812", null, NOW));
        assertThat(card.csc()).isNull();
        assertThat(card.hasCsc()).isFalse();
        assertThat(decrypt(blob("{\"number\":\"" + PAN + "\",\"expiryDate\":\"202812\",\"cscValue\":\"\","
                + "\"generationTime\":\"2026-11-23T13:00:00+01:00\"}")).csc()).isNull();
    }

    @Test
    void aTamperedCiphertextFailsToDecrypt() {
        String[] parts = CseBlobs.encrypt(key.toPublicJWK(), PAN, "202812", "123", NOW).split("\\.");
        byte[] ciphertext = Base64.getUrlDecoder().decode(parts[3]);
        ciphertext[0] ^= 1;
        parts[3] = Base64.getUrlEncoder().withoutPadding().encodeToString(ciphertext);
        assertThat(reasonFor(String.join(".", parts))).isEqualTo(Reason.DECRYPTION_FAILED);
    }

    @Test
    void aTamperedHeaderFailsToDecryptBecauseTheHeaderIsAuthenticated() {
        ECKey other = CseBlobs.newKeyPair(MERCHANT);
        served.put(other.getKeyID(), other);
        String[] parts = CseBlobs.encrypt(key.toPublicJWK(), PAN, "202812", "123", NOW).split("\\.");
        String header = new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8)
                .replace(key.getKeyID(), other.getKeyID());
        parts[0] = Base64.getUrlEncoder().withoutPadding().encodeToString(header.getBytes(StandardCharsets.UTF_8));
        assertThat(reasonFor(String.join(".", parts))).isEqualTo(Reason.DECRYPTION_FAILED);
    }

    @Test
    void aBlobEncryptedForAnotherKeyOfTheMerchantFailsToDecrypt() {
        ECKey other = CseBlobs.newKeyPair(MERCHANT);
        // Encrypted to "other" but announcing the kid of "key".
        String blob = CseBlobs.encryptJson(other.toPublicJWK(), key.getKeyID(), "{}");
        assertThat(reasonFor(blob)).isEqualTo(Reason.DECRYPTION_FAILED);
    }

    @Test
    void anotherMerchantsKidIsUnknownWithoutAnyKeyLookup() {
        ECKey foreign = CseBlobs.newKeyPair("002001000000002");
        String blob = CseBlobs.encrypt(foreign.toPublicJWK(), PAN, "202812", "123", NOW);
        assertThat(reasonFor(blob)).isEqualTo(Reason.UNKNOWN_KEY);
        assertThat(lookups).hasValue(0);
    }

    @Test
    void aValidBlobSentForAnotherMerchantIsRefused() {
        String blob = CseBlobs.encrypt(key.toPublicJWK(), PAN, "202812", "123", NOW);
        assertThat(failure("002001000000002", blob).reason()).isEqualTo(Reason.UNKNOWN_KEY);
    }

    @Test
    void aKidTheKeyServiceDoesNotKnowIsUnknown() {
        ECKey unregistered = CseBlobs.newKeyPair(MERCHANT);
        assertThat(reasonFor(CseBlobs.encrypt(unregistered.toPublicJWK(), PAN, "202812", "123", NOW)))
                .isEqualTo(Reason.UNKNOWN_KEY);
        assertThat(lookups).hasValue(1);
    }

    @Test
    void keySourceFailuresKeepTheirReason() {
        CsePrivateKeySource unusable = (m, kid) -> Uni.createFrom().failure(
                new CardDecryptionException(Reason.KEY_NOT_USABLE, "deactivated"));
        JweEncryptedCardDecryptor withUnusableKey = new JweEncryptedCardDecryptor(unusable,
                Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofHours(24), Duration.ofMinutes(5));
        Throwable thrown = catchThrowable(() -> withUnusableKey.decrypt(MERCHANT,
                CseBlobs.encrypt(key.toPublicJWK(), PAN, "202812", "123", NOW)).await().indefinitely());
        assertThat(thrown).isInstanceOfSatisfying(CardDecryptionException.class,
                e -> assertThat(e.reason()).isEqualTo(Reason.KEY_NOT_USABLE));
    }

    @ParameterizedTest
    @ValueSource(strings = {"none", "dir", "RSA1_5", "RSA-OAEP", "RSA-OAEP-256", "ECDH-ES", "ECDH-ES+A128KW",
            "A256KW", "A256GCMKW", "PBES2-HS256+A128KW"})
    void onlyTheProfileKeyManagementAlgorithmIsAccepted(String alg) {
        String blob = handMade("{\"alg\":\"" + alg + "\",\"enc\":\"A256GCM\",\"kid\":\"" + key.getKeyID() + "\"}");
        assertThat(reasonFor(blob)).isEqualTo(Reason.MALFORMED);
        assertThat(lookups).hasValue(0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"A128GCM", "A192GCM", "A128CBC-HS256", "A256CBC-HS512"})
    void onlyA256GcmContentEncryptionIsAccepted(String enc) {
        String blob = handMade("{\"alg\":\"ECDH-ES+A256KW\",\"enc\":\"" + enc + "\",\"kid\":\"" + key.getKeyID()
                + "\"}");
        assertThat(reasonFor(blob)).isEqualTo(Reason.MALFORMED);
    }

    @Test
    void compressionCriticalParametersAndAMissingKidAreRefused() {
        assertThat(reasonFor(handMade("{\"alg\":\"ECDH-ES+A256KW\",\"enc\":\"A256GCM\",\"zip\":\"DEF\",\"kid\":\""
                + key.getKeyID() + "\"}"))).isEqualTo(Reason.MALFORMED);
        assertThat(reasonFor(handMade("{\"alg\":\"ECDH-ES+A256KW\",\"enc\":\"A256GCM\",\"crit\":[\"x\"],\"x\":1,"
                + "\"kid\":\"" + key.getKeyID() + "\"}"))).isEqualTo(Reason.MALFORMED);
        assertThat(reasonFor(handMade("{\"alg\":\"ECDH-ES+A256KW\",\"enc\":\"A256GCM\"}")))
                .isEqualTo(Reason.MALFORMED);
    }

    @Test
    void aRealDirectEncryptionJweIsRefused() throws Exception {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        JWEObject jwe = new JWEObject(new JWEHeader.Builder(JWEAlgorithm.DIR, EncryptionMethod.A256GCM)
                .keyID(key.getKeyID()).build(), new Payload("{}"));
        jwe.encrypt(new DirectEncrypter(secret));
        assertThat(reasonFor(jwe.serialize())).isEqualTo(Reason.MALFORMED);
    }

    @Test
    void aRealJweWithPlainEcdhEsIsRefused() throws Exception {
        JWEObject jwe = new JWEObject(new JWEHeader.Builder(JWEAlgorithm.ECDH_ES, EncryptionMethod.A256GCM)
                .keyID(key.getKeyID()).build(), new Payload("{}"));
        jwe.encrypt(new ECDHEncrypter(key.toECPublicKey()));
        assertThat(reasonFor(jwe.serialize())).isEqualTo(Reason.MALFORMED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "not a jwe", "a.b.c.d.e", "eyJhbGciOiJub25lIn0.eyJudW1iZXIiOiIxIn0.",
            "....", "e30.e30.e30.e30.e30"})
    void somethingThatIsNotACompactJweIsMalformed(String blob) {
        assertThat(reasonFor(blob)).isEqualTo(Reason.MALFORMED);
    }

    @Test
    void nullAndOversizedBlobsAreMalformed() {
        assertThat(reasonFor(null)).isEqualTo(Reason.MALFORMED);
        assertThat(reasonFor("a".repeat(CseJweProfile.MAX_LENGTH + 1))).isEqualTo(Reason.MALFORMED);
    }

    @Test
    void aBlobOlderThanTheWindowIsStaleAndOneJustInsideIsAccepted() {
        assertThat(reasonFor(CseBlobs.encrypt(key.toPublicJWK(), PAN, "202812", "123",
                NOW.minus(Duration.ofHours(24)).minusSeconds(1)))).isEqualTo(Reason.STALE);
        assertThat(decrypt(CseBlobs.encrypt(key.toPublicJWK(), PAN, "202812", "123",
                NOW.minus(Duration.ofHours(24)).plusSeconds(1))).pan()).isEqualTo(PAN);
    }

    @Test
    void aBlobFromTheFutureBeyondTheClockSkewIsStale() {
        assertThat(reasonFor(CseBlobs.encrypt(key.toPublicJWK(), PAN, "202812", "123",
                NOW.plus(Duration.ofMinutes(6))))).isEqualTo(Reason.STALE);
        assertThat(decrypt(CseBlobs.encrypt(key.toPublicJWK(), PAN, "202812", "123",
                NOW.plus(Duration.ofMinutes(4)))).pan()).isEqualTo(PAN);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "not json",
            "[]",
            "\"4100000000000005\"",
            "{\"expiryDate\":\"202812\",\"generationTime\":\"2026-11-23T12:00:00Z\"}",
            "{\"number\":\"4100 0000 0000 0005\",\"expiryDate\":\"202812\",\"generationTime\":\"2026-11-23T12:00:00Z\"}",
            "{\"number\":\"41000000000\",\"expiryDate\":\"202812\",\"generationTime\":\"2026-11-23T12:00:00Z\"}",
            "{\"number\":4100000000000005,\"expiryDate\":\"202812\",\"generationTime\":\"2026-11-23T12:00:00Z\"}",
            "{\"number\":\"4100000000000005\",\"expiryDate\":\"202813\",\"generationTime\":\"2026-11-23T12:00:00Z\"}",
            "{\"number\":\"4100000000000005\",\"expiryDate\":\"12/28\",\"generationTime\":\"2026-11-23T12:00:00Z\"}",
            "{\"number\":\"4100000000000005\",\"generationTime\":\"2026-11-23T12:00:00Z\"}",
            "{\"number\":\"4100000000000005\",\"expiryDate\":\"202812\",\"cscValue\":\"12345\",\"generationTime\":\"2026-11-23T12:00:00Z\"}",
            "{\"number\":\"4100000000000005\",\"expiryDate\":\"202812\",\"cscValue\":123,\"generationTime\":\"2026-11-23T12:00:00Z\"}",
            "{\"number\":\"4100000000000005\",\"expiryDate\":\"202812\"}",
            "{\"number\":\"4100000000000005\",\"expiryDate\":\"202812\",\"generationTime\":\"2026-11-23T12:00:00\"}",
            "{\"number\":\"4100000000000005\",\"expiryDate\":\"202812\",\"generationTime\":\"yesterday\"}"})
    void contentThatIsNotTheExpectedCardDataIsInvalid(String plaintext) {
        assertThat(reasonFor(blob(plaintext))).isEqualTo(Reason.INVALID_CONTENT);
    }

    @Test
    void unknownMembersOfTheContentAreIgnored() {
        assertThat(decrypt(blob("{\"number\":\"" + PAN + "\",\"expiryDate\":\"202812\",\"holderName\":\"A B\","
                + "\"generationTime\":\"2026-11-23T12:00:00Z\"}")).pan()).isEqualTo(PAN);
    }

    /** A compact JWE with this header and random other parts (what an attacker can send). */
    private static String handMade(String headerJson) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String part = b64.encodeToString(random);
        return b64.encodeToString(headerJson.getBytes(StandardCharsets.UTF_8)) + "." + part + "."
                + part.substring(0, 16) + "." + part + "." + part.substring(0, 22);
    }
}
