package org.caisse.keymanagement.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class SecretNeverShownTest {

    private static final String SECRET = "s3cr3t-seal-key-material";

    @Test
    void secretMaterialToStringHidesTheSecret() {
        SecretKeyMaterial material = SecretKeyMaterial.of(SECRET);
        assertThat(material.toString()).doesNotContain(SECRET).contains("****");
        assertThat(material.reveal()).isEqualTo(SECRET);
    }

    @Test
    void merchantSecretKeyToStringShowsMetadataButNotTheSecret() {
        MerchantSecretKey key = MerchantSecretKey.newActive(MerchantKeyId.of("002001000000001", 2),
                KeyEnvironment.TEST, Instant.parse("2026-11-23T12:00:00Z"), SecretKeyMaterial.of(SECRET));
        assertThat(key.toString())
                .doesNotContain(SECRET)
                .contains("002001000000001", "keyVersion=2", "TEST", "ACTIVE");
    }

    @Test
    void keyLookupResultsDoNotShowTheSecret() {
        MerchantSecretKey key = MerchantSecretKey.newActive(MerchantKeyId.of("002001000000001", 2),
                KeyEnvironment.TEST, Instant.parse("2026-11-23T12:00:00Z"), SecretKeyMaterial.of(SECRET));
        assertThat(new KeyLookup.Usable(key).toString()).doesNotContain(SECRET);
    }

    @Test
    void secretMaterialComparesByValue() {
        assertThat(SecretKeyMaterial.of(SECRET)).isEqualTo(SecretKeyMaterial.of(SECRET));
        assertThat(SecretKeyMaterial.of(SECRET)).isNotEqualTo(SecretKeyMaterial.of(SECRET + "x"));
    }

    @Test
    void blankSecretIsRefused() {
        assertThatThrownBy(() -> SecretKeyMaterial.of("  ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void integrityErrorNamesTheKeyButHoldsNoMaterial() {
        KeyMaterialIntegrityException e = new KeyMaterialIntegrityException(MerchantKeyId.of("002001000000001", 1));
        assertThat(e.getMessage()).contains("002001000000001", "version 1", "integrity");
    }
}
