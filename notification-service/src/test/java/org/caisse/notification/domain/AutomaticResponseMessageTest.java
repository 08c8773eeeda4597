package org.caisse.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.caisse.common.seal.SealAlgorithm;
import org.junit.jupiter.api.Test;

class AutomaticResponseMessageTest {

    private static Map<String, Object> snapshot() {
        Map<String, Object> snapshot = new LinkedHashMap<>();
        snapshot.put("merchantId", "002001000000001");
        snapshot.put("transactionReference", "534654");
        snapshot.put("amount", 1000);
        snapshot.put("responseCode", "00");
        snapshot.put("orderId", "test_0001");
        snapshot.put("notification", Map.of("automaticResponseUrl", "https://shop.example/n", "keyVersion", 1));
        return snapshot;
    }

    private static String sha256Hex(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void composesTheFourFormFieldsWithKeyVersionInData() throws Exception {
        Map<String, String> fields = AutomaticResponseMessage.compose(snapshot(), new AutomaticResponseSettings(
                "https://shop.example/n", 1, SealAlgorithm.SHA_256, false, "HP_2.24"), "002001000000001_KEY1");
        assertThat(fields).containsOnlyKeys("Data", "Seal", "InterfaceVersion", "Encode");
        assertThat(fields.get("Data")).contains("merchantId=002001000000001", "keyVersion=1", "responseCode=00",
                "transactionReference=534654").doesNotContain("notification", "automaticResponseUrl");
        assertThat(fields.get("Seal")).isEqualTo(sha256Hex(fields.get("Data") + "002001000000001_KEY1"));
        assertThat(fields.get("InterfaceVersion")).isEqualTo("HP_2.24");
        assertThat(fields.get("Encode")).isEmpty();
    }

    @Test
    void base64EncodesDataAndSealsTheEncodedText() throws Exception {
        Map<String, String> fields = AutomaticResponseMessage.compose(snapshot(), new AutomaticResponseSettings(
                "https://shop.example/n", 1, SealAlgorithm.SHA_256, true, "HP_2.24"), "k");
        String decoded = new String(Base64.getDecoder().decode(fields.get("Data")), StandardCharsets.UTF_8);
        assertThat(decoded).contains("responseCode=00");
        assertThat(fields.get("Encode")).isEqualTo("base64");
        assertThat(fields.get("Seal")).isEqualTo(sha256Hex(fields.get("Data") + "k"));
    }
}
