package org.caisse.officeserver.support;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A second, independent implementation of the Sips JSON seal (SIPS.md §4), written for the tests from the
 * specification alone, so the service's seal code is checked against something it does not share.
 */
public final class IndependentSeal {

    public static final Set<String> REQUEST_EXCLUDED = Set.of("keyVersion", "sealAlgorithm", "seal");
    public static final Set<String> RESPONSE_EXCLUDED = Set.of("seal");

    private IndependentSeal() {
    }

    public static String sealString(Map<String, ?> message, Set<String> excluded) {
        StringBuilder text = new StringBuilder();
        new TreeMap<>(message).forEach((name, value) -> {
            if (!excluded.contains(name)) {
                appendValues(text, value);
            }
        });
        return text.toString();
    }

    private static void appendValues(StringBuilder text, Object value) {
        if (value == null) {
            return;
        }
        if (value instanceof Map<?, ?> object) {
            new TreeMap<>(object).values().forEach(nested -> appendValues(text, nested));
        } else if (value instanceof List<?> array) {
            array.forEach(element -> appendValues(text, element));
        } else {
            text.append(value);
        }
    }

    public static String hmacSha256Hex(String key, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The request with its {@code seal} field computed with {@code key}. */
    public static Map<String, Object> sealRequest(Map<String, Object> request, String key) {
        Map<String, Object> sealed = new java.util.LinkedHashMap<>(request);
        sealed.put("seal", hmacSha256Hex(key, sealString(request, REQUEST_EXCLUDED)));
        return sealed;
    }

    /** Whether the response's {@code seal} is the HMAC of its other fields with {@code key}. */
    public static boolean responseSealVerifies(Map<String, ?> response, String key) {
        Object seal = response.get("seal");
        return seal instanceof String text && text.equals(hmacSha256Hex(key, sealString(response, RESPONSE_EXCLUDED)));
    }
}
