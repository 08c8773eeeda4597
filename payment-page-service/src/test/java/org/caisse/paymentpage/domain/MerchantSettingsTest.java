package org.caisse.paymentpage.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MerchantSettingsTest {

    private static Map<String, Object> document(List<String> patterns) {
        return Map.of("merchantId", "002001000000001", "allowedUrlPatterns", patterns);
    }

    @Test
    void aDocumentWithAnInvalidUrlPatternIsRejectedWhenReadNamingTheField() {
        for (String bad : List.of("ftp://shop.example", "not a pattern", "https://shop.example/path")) {
            assertThatThrownBy(() -> MerchantSettings.fromDocument(document(List.of("https://ok.example", bad))))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("allowedUrlPatterns");
        }
    }

    @Test
    void theAllowListIsBuiltOnceAndAnswersWithoutThrowing() {
        MerchantSettings settings = MerchantSettings.fromDocument(document(List.of("https://shop.example", "http://localhost:*")));
        assertThat(settings.urlAllowList()).isSameAs(settings.urlAllowList());
        assertThat(settings.allowsUrl("https://shop.example/return")).isTrue();
        assertThat(settings.allowsUrl("http://localhost:9999/x")).isTrue();
        assertThat(settings.allowsUrl("javascript:alert(1)")).isFalse();
        assertThat(settings.allowedUrlPatterns()).containsExactly("https://shop.example", "http://localhost:*");
        assertThat(settings.toDocument()).containsEntry("allowedUrlPatterns", List.of("https://shop.example", "http://localhost:*"));
    }
}
