package org.caisse.officeserver.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.caisse.officeserver.domain.merchant.DemoMerchant;
import org.caisse.officeserver.domain.merchant.MerchantSettingsParser;
import org.caisse.officeserver.domain.merchant.MerchantSettingsParser.Result;
import org.caisse.officeserver.domain.merchant.Violation;
import org.junit.jupiter.api.Test;

class MerchantSettingsParserTest {

    private static Map<String, Object> demo() {
        return new HashMap<>(DemoMerchant.settings().toDocument());
    }

    private static List<String> violatedFields(Map<String, Object> document) {
        Result result = MerchantSettingsParser.parse(DemoMerchant.MERCHANT_ID, document);
        assertThat(result).isInstanceOf(Result.Invalid.class);
        return ((Result.Invalid) result).violations().stream().map(Violation::field).toList();
    }

    @Test
    void theDemoMerchantDocumentIsValidAndRoundTrips() {
        Result result = MerchantSettingsParser.parse(DemoMerchant.MERCHANT_ID, demo());
        assertThat(result).isEqualTo(new Result.Valid(DemoMerchant.settings()));
    }

    @Test
    void theMerchantIdMustBeThePathOne() {
        assertThat(MerchantSettingsParser.parse("002001000000002", demo())).isInstanceOf(Result.Invalid.class);
    }

    @Test
    void everyBadFieldIsReported() {
        Map<String, Object> document = demo();
        document.put("mode", "LIVE");
        document.put("allowedUrlPatterns", List.of("http://localhost:*", "ftp://x", "https://shop.example/path",
                "https://user@shop.example", "https://shop.example:70000"));
        document.put("currencies", List.of("978", "999", "EUR"));
        document.put("languages", List.of("fr", "FR"));
        document.put("defaultLanguage", "de");
        document.put("legacySha256Allowed", "yes");
        document.put("colour", "blue");

        assertThat(violatedFields(document)).containsExactlyInAnyOrder("colour", "mode",
                "allowedUrlPatterns/1", "allowedUrlPatterns/2", "allowedUrlPatterns/3", "allowedUrlPatterns/4",
                "currencies/1", "currencies/2", "languages/1", "defaultLanguage", "legacySha256Allowed");
    }

    @Test
    void requiredFieldsMustBePresent() {
        assertThat(violatedFields(new HashMap<>())).contains("merchantId", "shopName", "mode", "allowedUrlPatterns",
                "legacySha256Allowed", "currencies", "languages", "defaultLanguage");
    }

    @Test
    void patternsTheUrlAllowListRefusesAreRefused() {
        Map<String, Object> document = demo();
        document.put("allowedUrlPatterns", List.of("https://shop.example", "http://[1.2.3.4]", "http://[::1]:*",
                "http://a_b.example", "https://shop.example:0", "http://1.2.3.4.5"));
        assertThat(violatedFields(document)).containsExactlyInAnyOrder("allowedUrlPatterns/1",
                "allowedUrlPatterns/3", "allowedUrlPatterns/4", "allowedUrlPatterns/5");
    }

    @Test
    void originPatternsAcceptPortsHostsAndIpv6() {
        Map<String, Object> document = demo();
        document.put("allowedUrlPatterns", List.of("https://shop.example", "https://shop.example:8443",
                "http://[::1]:*", "http://127.0.0.1:8080"));
        assertThat(MerchantSettingsParser.parse(DemoMerchant.MERCHANT_ID, document)).isInstanceOf(Result.Valid.class);
    }

    @Test
    void theLaterFieldsAreCheckedOneByOne() {
        Map<String, Object> document = demo();
        document.put("captureMode", "LATER");
        document.put("captureDay", -1);
        document.put("automaticResponseEnabled", "true");
        document.put("merchantTicketEmail", true);
        document.remove("merchantEmail");
        document.put("frameAncestors", List.of("https://shop.example", "http://shop.example", "https://SHOP.example",
                "https://shop.example/path", "*"));
        document.put("dataRetentionDays", 44);

        assertThat(violatedFields(document)).containsExactlyInAnyOrder("captureMode", "captureDay",
                "automaticResponseEnabled", "merchantEmail", "frameAncestors/1", "frameAncestors/2", "frameAncestors/3",
                "frameAncestors/4", "dataRetentionDays");
    }

    @Test
    void retentionBoundsAndAWildcardAncestorAreAccepted() {
        Map<String, Object> document = demo();
        document.put("frameAncestors", List.of("https://*.shop.example", "https://shop.example:8443"));
        document.put("merchantTicketEmail", true);
        document.put("merchantEmail", "orders@shop.example");
        for (int days : new int[] {45, 540}) {
            document.put("dataRetentionDays", days);
            Result result = MerchantSettingsParser.parse(DemoMerchant.MERCHANT_ID, document);
            assertThat(result).isInstanceOf(Result.Valid.class);
            assertThat(((Result.Valid) result).settings().dataRetentionDays()).isEqualTo(days);
        }
        document.put("dataRetentionDays", 541);
        assertThat(violatedFields(document)).containsExactly("dataRetentionDays");
        document.put("dataRetentionDays", 540);
        document.put("merchantEmail", "not an address");
        assertThat(violatedFields(document)).containsExactly("merchantEmail");
        document.put("frameAncestors", java.util.Collections.nCopies(21, "https://shop.example"));
        document.put("merchantEmail", "orders@shop.example");
        assertThat(violatedFields(document)).containsExactly("frameAncestors");
    }
}
