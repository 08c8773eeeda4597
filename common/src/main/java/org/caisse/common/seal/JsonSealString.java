package org.caisse.common.seal;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The string sealed for JSON messages (SIPS.md §4): the values only, keys sorted, nested objects contributing
 * their own sorted values in place, arrays their elements in order, null skipped, numbers as decimal text,
 * booleans {@code true}/{@code false}.
 */
public final class JsonSealString {

    /** Excluded from a JSON request's seal string. */
    public static final Set<String> REQUEST_EXCLUSIONS = Set.of("keyVersion", "sealAlgorithm", "seal");
    /** Excluded from a JSON response's seal string. */
    public static final Set<String> RESPONSE_EXCLUSIONS = Set.of("seal");

    private JsonSealString() {
    }

    /**
     * @param json                 a JSON object as maps, lists, strings, numbers, booleans and nulls (Jackson
     *                             {@link JsonNode} values are accepted too)
     * @param excludedTopLevelKeys keys left out at the top level only
     */
    public static String of(Map<String, ?> json, Set<String> excludedTopLevelKeys) {
        StringBuilder out = new StringBuilder();
        Set<String> excluded = excludedTopLevelKeys == null ? Set.of() : excludedTopLevelKeys;
        for (Map.Entry<String, ?> entry : sorted(json).entrySet()) {
            if (!excluded.contains(entry.getKey())) {
                append(out, entry.getValue());
            }
        }
        return out.toString();
    }

    /** The seal string of a Jackson object node. */
    public static String of(JsonNode json, Set<String> excludedTopLevelKeys) {
        Map<String, Object> map = new TreeMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = json.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            map.put(field.getKey(), field.getValue());
        }
        return of(map, excludedTopLevelKeys);
    }

    private static TreeMap<String, Object> sorted(Map<?, ?> map) {
        TreeMap<String, Object> sorted = new TreeMap<>();
        if (map != null) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                sorted.put(String.valueOf(entry.getKey()), entry.getValue());
            }
        }
        return sorted;
    }

    private static void append(StringBuilder out, Object value) {
        if (value == null) {
            return;
        }
        if (value instanceof JsonNode node) {
            appendNode(out, node);
        } else if (value instanceof Map<?, ?> map) {
            for (Object nested : sorted(map).values()) {
                append(out, nested);
            }
        } else if (value instanceof Iterable<?> list) {
            for (Object element : list) {
                append(out, element);
            }
        } else if (value instanceof Object[] array) {
            for (Object element : array) {
                append(out, element);
            }
        } else if (value instanceof Number number) {
            out.append(decimalText(number));
        } else {
            out.append(value);
        }
    }

    private static void appendNode(StringBuilder out, JsonNode node) {
        if (node.isNull() || node.isMissingNode()) {
            return;
        }
        if (node.isObject()) {
            Map<String, Object> map = new TreeMap<>();
            node.fields().forEachRemaining(f -> map.put(f.getKey(), f.getValue()));
            append(out, map);
        } else if (node.isArray()) {
            List<Object> list = new ArrayList<>();
            node.elements().forEachRemaining(list::add);
            append(out, list);
        } else if (node.isNumber()) {
            out.append(decimalText(node.numberValue()));
        } else {
            out.append(node.asText());
        }
    }

    /** Decimal text of a number, never in exponent notation. */
    public static String decimalText(Number number) {
        if (number instanceof Integer || number instanceof Long || number instanceof Short
                || number instanceof Byte || number instanceof BigInteger) {
            return number.toString();
        }
        if (number instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        if (number instanceof Double || number instanceof Float) {
            double d = number.doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw new IllegalArgumentException("Not a JSON number: " + d);
            }
            if (d == Math.rint(d) && Math.abs(d) < 1e15) {
                return Long.toString((long) d);
            }
            return new BigDecimal(number.toString()).toPlainString();
        }
        return new BigDecimal(number.toString()).toPlainString();
    }
}
