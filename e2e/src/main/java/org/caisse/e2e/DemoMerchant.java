package org.caisse.e2e;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The merchant side of the demo: the public Sips test merchant, sealing its requests and checking
 * the platform's seals the way a merchant's own code does. It deliberately does not use the
 * platform's seal codec, so the demo proves wire compatibility rather than self-consistency.
 */
public record DemoMerchant(String merchantId, int keyVersion, String secretKey) {

    public static DemoMerchant sipsTestMerchant() {
        return new DemoMerchant("002001000000001", 1, "002001000000001_KEY1");
    }

    public String hmacSeal(String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secretKey.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /** Seal of a flat Office JSON request: values sorted by field name, keyVersion and seal excluded. */
    public String officeSeal(Map<String, ?> flatRequest) {
        StringBuilder sealString = new StringBuilder();
        new TreeMap<>(flatRequest).forEach((field, value) -> {
            if (!field.equals("keyVersion") && !field.equals("seal") && !field.equals("sealAlgorithm")
                    && value != null) {
                sealString.append(value);
            }
        });
        return hmacSeal(sealString.toString());
    }
}
