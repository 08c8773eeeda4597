package org.caisse.paymentpage.support;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** The JSON seal string of SIPS.md §4 written the way a merchant does, independently of the production code. */
public final class JsonSeals {

    private static final Set<String> REQUEST_EXCLUDED = Set.of("keyVersion", "sealAlgorithm", "seal");

    private JsonSeals() {
    }

    /** HMAC-SHA-256 of a request's values (keys sorted, nested objects in place, arrays in order). */
    public static String sealRequest(Map<String, ?> request, String key) {
        StringBuilder text = new StringBuilder();
        new TreeMap<>(request).forEach((name, value) -> {
            if (!REQUEST_EXCLUDED.contains(name)) {
                append(text, value);
            }
        });
        return SipsSeals.hmacSha256(key, text.toString());
    }

    /** HMAC-SHA-256 of an answer's values, all fields but {@code seal}. */
    public static String sealAnswer(Map<String, ?> answer, String key) {
        StringBuilder text = new StringBuilder();
        new TreeMap<>(answer).forEach((name, value) -> {
            if (!name.equals("seal")) {
                append(text, value);
            }
        });
        return SipsSeals.hmacSha256(key, text.toString());
    }

    private static void append(StringBuilder text, Object value) {
        if (value instanceof Map<?, ?> map) {
            new TreeMap<Object, Object>(map).values().forEach(v -> append(text, v));
        } else if (value instanceof List<?> list) {
            list.forEach(v -> append(text, v));
        } else if (value != null) {
            text.append(value);
        }
    }
}
