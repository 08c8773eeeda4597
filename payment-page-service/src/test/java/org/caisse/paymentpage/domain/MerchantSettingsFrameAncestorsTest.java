package org.caisse.paymentpage.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MerchantSettingsFrameAncestorsTest {

    private static Map<String, Object> doc() {
        Map<String, Object> doc = new HashMap<>();
        doc.put("merchantId", "011223344550000");
        doc.put("allowedUrlPatterns", List.of("https://shop.example"));
        return doc;
    }

    @Test
    void aDocumentWithoutFrameAncestorsLetsNoSiteFrameThePage() {
        MerchantSettings settings = MerchantSettings.fromDocument(doc());
        assertThat(settings.frameAncestors()).isEmpty();
        assertThat(settings.toDocument()).doesNotContainKey("frameAncestors");
    }

    @Test
    void httpsOriginsAndHostWildcardsAreKeptLowercasedAndRoundTrip() {
        Map<String, Object> doc = doc();
        doc.put("frameAncestors", List.of("https://Shop.example", "https://*.shop.example:8443"));
        MerchantSettings settings = MerchantSettings.fromDocument(doc);
        assertThat(settings.frameAncestors()).containsExactly("https://shop.example", "https://*.shop.example:8443");
        assertThat(MerchantSettings.fromDocument(settings.toDocument()).frameAncestors()).isEqualTo(settings.frameAncestors());
    }

    @Test
    void anythingButAnHttpsOriginIsRefusedNamingTheField() {
        for (String bad : List.of("http://shop.example", "https://shop.example/path", "*", "'self'",
                "https://shop.example; script-src *", "https://*")) {
            Map<String, Object> doc = doc();
            doc.put("frameAncestors", List.of(bad));
            assertThatThrownBy(() -> MerchantSettings.fromDocument(doc)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("frameAncestors");
        }
    }
}
