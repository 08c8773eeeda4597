package org.caisse.keymanagement.domain.cse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.caisse.keymanagement.domain.InvalidKeyIdentifierException;
import org.caisse.keymanagement.domain.KeyLifecycle;
import org.caisse.keymanagement.domain.KeyStatus;
import org.caisse.keymanagement.domain.MerchantId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CseKeyIdentityTest {

    private static final MerchantId MERCHANT = MerchantId.of("002001000000001");
    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

    @Test
    void newKidsNameTheirMerchantAndAreRandom() {
        CseKeyId first = CseKeyId.newFor(MERCHANT);
        CseKeyId second = CseKeyId.newFor(MERCHANT);
        assertThat(first.kid()).matches("002001000000001-cse-[0-9a-f]{16}");
        assertThat(first.kid()).isNotEqualTo(second.kid());
        assertThat(CseKeyId.named(MERCHANT, "demo").kid()).isEqualTo("002001000000001-cse-demo");
    }

    @Test
    void theBindingIsMerchantAndKid() {
        CseKeyId id = CseKeyId.of("002001000000001", "k1");
        assertThat(id.bindingLabel()).isEqualTo("002001000000001|k1");
        assertThat(id.associatedData()).isEqualTo("002001000000001|k1".getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a b", "a/b", "a|b", "é",
            "12345678901234567890123456789012345678901234567890123456789012345"})
    void aKidOutsideTheSafeAlphabetOrLongerThan64IsRefusedNamingTheField(String kid) {
        assertThatThrownBy(() -> CseKeyId.of("002001000000001", kid))
                .isInstanceOfSatisfying(InvalidKeyIdentifierException.class,
                        e -> assertThat(e.fieldName()).isEqualTo("kid"));
    }

    @Test
    void privateJwkNeverShowsItself() {
        CsePrivateJwk jwk = CsePrivateJwk.of("{\"d\":\"secret-scalar\"}");
        assertThat(jwk.toString()).doesNotContain("secret-scalar");
        CseKeyPair pair = new CseKeyPair(new CsePublicKey(CseKeyId.newFor(MERCHANT), KeyLifecycle.active(), NOW,
                new CsePublicJwk("{}")), jwk);
        assertThat(pair.toString()).doesNotContain("secret-scalar").contains("ACTIVE");
    }

    @Test
    void onlyActivePairsAreOfferedButDeprecatedOnesDecryptUntilTheirNotAfter() {
        CseKeyId id = CseKeyId.newFor(MERCHANT);
        CsePublicJwk jwk = new CsePublicJwk("{}");
        CsePublicKey active = new CsePublicKey(id, KeyLifecycle.active(), NOW, jwk);
        CsePublicKey deprecated = new CsePublicKey(id,
                KeyLifecycle.of(KeyStatus.DEPRECATED, NOW.plusSeconds(60)), NOW, jwk);
        CsePublicKey deactivated = new CsePublicKey(id, KeyLifecycle.of(KeyStatus.DEACTIVATED, null), NOW, jwk);

        assertThat(active.isOfferedForEncryptionAt(NOW)).isTrue();
        assertThat(deprecated.isOfferedForEncryptionAt(NOW)).isFalse();
        assertThat(deprecated.isUsableForDecryptionAt(NOW)).isTrue();
        assertThat(deprecated.isUsableForDecryptionAt(NOW.plusSeconds(60))).isFalse();
        assertThat(deactivated.isUsableForDecryptionAt(NOW)).isFalse();
        assertThat(deactivated.isOfferedForEncryptionAt(NOW)).isFalse();
    }
}
