package org.caisse.keymanagement.adapter.out.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import org.caisse.keymanagement.application.port.out.CseKeyPairGenerator.GeneratedCseKeyPair;
import org.caisse.keymanagement.application.port.out.EncryptedSecret;
import org.caisse.keymanagement.domain.cse.CseKeyId;
import org.caisse.keymanagement.domain.cse.CseKeyMaterialIntegrityException;
import org.caisse.keymanagement.domain.cse.CsePrivateJwk;
import org.caisse.keymanagement.support.CseKeys;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CSE key pair generation and the envelope of their private keys, without a database. */
class CseKeyCryptoTest {

    private static final CseKeyId KEY = CseKeyId.of("002001000000001", "002001000000001-cse-0123456789abcdef");

    @TempDir
    Path folder;

    private final NimbusCseKeyPairGenerator generator = new NimbusCseKeyPairGenerator();
    private TinkCsePrivateKeyEnvelope envelope;

    @BeforeEach
    void setUp() throws Exception {
        byte[] kek = new byte[32];
        new SecureRandom().nextBytes(kek);
        Path file = folder.resolve("kek");
        Files.writeString(file, Base64.getEncoder().encodeToString(kek));
        envelope = new TinkCsePrivateKeyEnvelope(new FileKeyEncryptionKeyProvider(file));
    }

    @Test
    void generatedPairIsAP256EncryptionKeyForTheProfileWithItsKid() throws Exception {
        GeneratedCseKeyPair pair = generator.generate(KEY);
        JWK publicJwk = JWK.parse(pair.publicJwk().json());
        ECKey privateJwk = ECKey.parse(pair.privateJwk().reveal());

        assertThat(publicJwk.isPrivate()).isFalse();
        assertThat(publicJwk.toJSONObject()).containsEntry("kty", "EC").containsEntry("crv", "P-256")
                .containsEntry("use", "enc").containsEntry("alg", "ECDH-ES+A256KW")
                .containsEntry("kid", KEY.kid()).doesNotContainKey("d");
        assertThat(privateJwk.isPrivate()).isTrue();
        assertThat(CseKeys.decryptWith(privateJwk, CseKeys.encryptFor(publicJwk.toECKey(), "card")))
                .isEqualTo("card");
        assertThat(pair.toString()).doesNotContain(privateJwk.getD().toString());
    }

    @Test
    void twoGenerationsGiveTwoDifferentPairs() {
        assertThat(generator.generate(KEY).publicJwk()).isNotEqualTo(generator.generate(KEY).publicJwk());
    }

    @Test
    void isPairOfAcceptsOnlyThePrivateHalfOfTheSamePairUnderItsKid() {
        GeneratedCseKeyPair pair = generator.generate(KEY);
        GeneratedCseKeyPair other = generator.generate(KEY);
        assertThat(generator.isPairOf(KEY, pair.publicJwk(), pair.privateJwk())).isTrue();
        assertThat(generator.isPairOf(KEY, pair.publicJwk(), other.privateJwk())).isFalse();
        assertThat(generator.isPairOf(CseKeyId.of("002001000000001", "another-kid"), pair.publicJwk(),
                pair.privateJwk())).isFalse();
        assertThat(generator.isPairOf(KEY, pair.publicJwk(), CsePrivateJwk.of("{not json"))).isFalse();
    }

    @Test
    void privateKeyIsSealedAndOpensOnlyUnderItsOwnMerchantAndKid() {
        CsePrivateJwk privateJwk = generator.generate(KEY).privateJwk();
        EncryptedSecret sealed = envelope.seal(KEY, privateJwk);

        assertThat(new String(sealed.encryptedSecret(), StandardCharsets.ISO_8859_1)).doesNotContain("\"d\"");
        assertThat(envelope.open(KEY, sealed).reveal()).isEqualTo(privateJwk.reveal());
        assertThatThrownBy(() -> envelope.open(CseKeyId.of("002001000000002", KEY.kid()), sealed))
                .isInstanceOf(CseKeyMaterialIntegrityException.class)
                .hasMessageNotContaining(privateJwk.reveal());
        assertThatThrownBy(() -> envelope.open(CseKeyId.of("002001000000001", KEY.kid() + "0"), sealed))
                .isInstanceOf(CseKeyMaterialIntegrityException.class);
    }

    @Test
    void aFlippedCiphertextBitFailsTheIntegrityCheck() {
        EncryptedSecret sealed = envelope.seal(KEY, generator.generate(KEY).privateJwk());
        byte[] tampered = sealed.encryptedSecret().clone();
        tampered[20] ^= 1;
        assertThatThrownBy(() -> envelope.open(KEY, new EncryptedSecret(sealed.wrappedDataKey(), tampered)))
                .isInstanceOf(CseKeyMaterialIntegrityException.class);
    }
}
