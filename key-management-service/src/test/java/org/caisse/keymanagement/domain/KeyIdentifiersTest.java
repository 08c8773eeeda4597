package org.caisse.keymanagement.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KeyIdentifiersTest {

    @Test
    void merchantIdOfFifteenDigitsIsAccepted() {
        assertThat(MerchantId.of("002001000000001").value()).isEqualTo("002001000000001");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "00200100000000", "0020010000000012", "00200100000000A", " 02001000000001",
            "٠٠٢٠٠١٠٠٠٠٠٠٠٠١"})
    void merchantIdThatIsNotFifteenAsciiDigitsIsRejectedNamingTheField(String text) {
        assertThatThrownBy(() -> MerchantId.of(text))
                .isInstanceOf(InvalidKeyIdentifierException.class)
                .satisfies(e -> assertThat(((InvalidKeyIdentifierException) e).fieldName()).isEqualTo("merchantId"));
    }

    @Test
    void keyVersionParsesPositiveDecimalIntegers() {
        assertThat(KeyVersion.parse("1").value()).isEqualTo(1);
        assertThat(KeyVersion.parse("42").value()).isEqualTo(42);
        assertThat(KeyVersion.parse("007").value()).isEqualTo(7);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "0", "-1", "+1", "1.0", "abc", "1e3", "9999999999", " 1"})
    void keyVersionThatIsNotAnIntegerOfAtLeastOneIsRejectedNamingTheField(String text) {
        assertThatThrownBy(() -> KeyVersion.parse(text))
                .isInstanceOf(InvalidKeyIdentifierException.class)
                .satisfies(e -> assertThat(((InvalidKeyIdentifierException) e).fieldName()).isEqualTo("keyVersion"));
    }

    @Test
    void associatedDataIsMerchantIdPipeKeyVersion() {
        MerchantKeyId id = MerchantKeyId.of("002001000000001", 3);
        assertThat(id.bindingLabel()).isEqualTo("002001000000001|3");
        assertThat(new String(id.associatedData(), StandardCharsets.UTF_8)).isEqualTo("002001000000001|3");
    }
}
