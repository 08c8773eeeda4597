package org.caisse.common.data;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.caisse.common.seal.JsonSealString;

/**
 * The Sips {@code Data} field (SIPS.md §2): {@code key=value} pairs joined by {@code |}, pair order free, nested
 * fields flattened with dots, lists comma-separated, no escaping. Immutable and insertion-ordered.
 *
 * <p>Rules: a pair without {@code =}, an empty key, a duplicate key or an empty pair are format errors; a value may
 * contain {@code =} after the first one; a value can never contain {@code |} (no escaping exists), so building one
 * that does is a format error too.
 */
public final class SipsData {

    /** The field name reported when the whole {@code Data} value is to blame. */
    public static final String DATA_FIELD = "Data";

    private static final SipsData EMPTY = new SipsData(new LinkedHashMap<>());
    private static final Pattern FIELD_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_.]{0,63}");

    private final Map<String, String> values;

    private SipsData(LinkedHashMap<String, String> values) {
        this.values = Collections.unmodifiableMap(values);
    }

    /** An empty {@code Data}. */
    public static SipsData empty() {
        return EMPTY;
    }

    /**
     * Parses a {@code Data} value. A null or empty text gives an empty result (callers report the missing
     * required fields).
     *
     * @throws SipsDataFormatException naming the offending field
     */
    public static SipsData parse(String data) {
        if (data == null || data.isEmpty()) {
            return EMPTY;
        }
        LinkedHashMap<String, String> values = new LinkedHashMap<>();
        String previousKey = null;
        int start = 0;
        while (start <= data.length()) {
            int bar = data.indexOf('|', start);
            int end = bar < 0 ? data.length() : bar;
            String pair = data.substring(start, end);
            int equals = pair.indexOf('=');
            if (equals < 0) {
                // Either a stray field name, or the tail of the previous value that contained a '|'.
                String blamed = FIELD_NAME.matcher(pair).matches() ? pair
                        : previousKey != null ? previousKey : DATA_FIELD;
                throw new SipsDataFormatException(blamed, pair.isEmpty()
                        ? "Empty pair in Data (a '|' too many, or a value containing '|')"
                        : "Pair without '=' in Data");
            }
            String key = pair.substring(0, equals);
            if (key.isEmpty()) {
                throw new SipsDataFormatException(previousKey != null ? previousKey : DATA_FIELD,
                        "Empty field name in Data");
            }
            if (values.putIfAbsent(key, pair.substring(equals + 1)) != null) {
                throw new SipsDataFormatException(key, "Field given twice in Data");
            }
            previousKey = key;
            if (bar < 0) {
                break;
            }
            start = bar + 1;
        }
        return new SipsData(values);
    }

    /** The wire form: {@code key=value} pairs in insertion order joined by {@code |}. */
    public String format() {
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, String> entry : values.entrySet()) {
            if (!out.isEmpty()) {
                out.append('|');
            }
            out.append(entry.getKey()).append('=').append(entry.getValue());
        }
        return out.toString();
    }

    /** The value of a flattened key ({@code billingContact.email}); empty when absent. */
    public Optional<String> get(String key) {
        return Optional.ofNullable(values.get(key));
    }

    /** The comma-separated list under a key; empty when absent or empty. */
    public List<String> getList(String key) {
        String value = values.get(key);
        if (value == null || value.isEmpty()) {
            return List.of();
        }
        return List.of(value.split(",", -1));
    }

    /** Whether the key is present (even with an empty value). */
    public boolean contains(String key) {
        return values.containsKey(key);
    }

    /** The flattened pairs in insertion order (unmodifiable). */
    public Map<String, String> asMap() {
        return values;
    }

    /** Number of pairs. */
    public int size() {
        return values.size();
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    /**
     * The pairs as nested maps: {@code billingContact.email=x} → {@code {billingContact: {email: x}}}.
     *
     * @throws SipsDataFormatException when a key is both a value and a parent ({@code a=1|a.b=2}) or has an empty
     *                                 segment ({@code a..b})
     */
    public Map<String, Object> toNested() {
        Map<String, Object> root = new LinkedHashMap<>();
        for (Map.Entry<String, String> entry : values.entrySet()) {
            String key = entry.getKey();
            String[] path = key.split("\\.", -1);
            Map<String, Object> node = root;
            for (int i = 0; i < path.length; i++) {
                String segment = path[i];
                if (segment.isEmpty()) {
                    throw new SipsDataFormatException(key, "Empty segment in a dotted field name");
                }
                if (i == path.length - 1) {
                    if (node.containsKey(segment)) {
                        throw new SipsDataFormatException(key, "Field is both a value and a group");
                    }
                    node.put(segment, entry.getValue());
                } else {
                    Object child = node.computeIfAbsent(segment, s -> new LinkedHashMap<String, Object>());
                    if (!(child instanceof Map)) {
                        throw new SipsDataFormatException(key, "Field is both a value and a group");
                    }
                    @SuppressWarnings("unchecked")
                    Map<String, Object> next = (Map<String, Object>) child;
                    node = next;
                }
            }
        }
        return root;
    }

    /**
     * Flattens nested maps with dots; lists become comma-separated; numbers their decimal text; null and empty
     * values are skipped.
     *
     * @throws SipsDataFormatException for a value containing {@code |}, a list element containing {@code ,} or a
     *                                 list of objects
     */
    public static SipsData fromNested(Map<String, ?> nested) {
        Builder builder = builder();
        flatten(builder, "", nested);
        return builder.build();
    }

    private static void flatten(Builder builder, String prefix, Map<?, ?> map) {
        if (map == null) {
            return;
        }
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            String key = prefix + entry.getKey();
            Object value = entry.getValue();
            if (value instanceof Map<?, ?> child) {
                flatten(builder, key + ".", child);
            } else if (value instanceof List<?> list) {
                List<String> texts = new ArrayList<>(list.size());
                for (Object element : list) {
                    if (element instanceof Map || element instanceof List) {
                        throw new SipsDataFormatException(key, "A Data list holds plain values only");
                    }
                    if (element != null) {
                        texts.add(text(element));
                    }
                }
                builder.putList(key, texts);
            } else if (value != null) {
                builder.put(key, text(value));
            }
        }
    }

    private static String text(Object value) {
        return value instanceof Number number ? JsonSealString.decimalText(number) : value.toString();
    }

    /** Decodes {@code Data} sent with {@code Encode=base64} (UTF-8). */
    public static String decodeBase64(String base64) {
        if (base64 == null) {
            throw new SipsDataFormatException(DATA_FIELD, "Data is missing");
        }
        String compact = base64.strip().replace("\r", "").replace("\n", "");
        byte[] bytes;
        try {
            bytes = (compact.indexOf('-') >= 0 || compact.indexOf('_') >= 0)
                    ? Base64.getUrlDecoder().decode(compact)
                    : Base64.getDecoder().decode(compact);
        } catch (IllegalArgumentException e) {
            throw new SipsDataFormatException(DATA_FIELD, "Data is not valid base64");
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new SipsDataFormatException(DATA_FIELD, "Data decoded from base64 is not UTF-8");
        }
    }

    /** Encodes a {@code Data} value for {@code Encode=base64} (standard alphabet, padded, UTF-8). */
    public static String encodeBase64(String data) {
        return Base64.getEncoder().encodeToString(Objects.requireNonNull(data, "data").getBytes(StandardCharsets.UTF_8));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder that keeps insertion order and refuses values that cannot be written. */
    public static final class Builder {

        private final LinkedHashMap<String, String> values = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * Adds a pair; a null or empty value is skipped; a value replaces an earlier one under the same key.
         *
         * @throws SipsDataFormatException for an empty key, a key containing {@code =} or {@code |}, or a value
         *                                 containing {@code |}
         */
        public Builder put(String key, String value) {
            checkKey(key);
            if (value == null || value.isEmpty()) {
                return this;
            }
            if (value.indexOf('|') >= 0) {
                throw new SipsDataFormatException(key, "A Data value cannot contain '|'");
            }
            values.put(key, value);
            return this;
        }

        /** Adds a number as its decimal text; null skipped. */
        public Builder put(String key, Number value) {
            return value == null ? this : put(key, JsonSealString.decimalText(value));
        }

        /**
         * Adds a comma-separated list; a null or empty list is skipped.
         *
         * @throws SipsDataFormatException for an element containing {@code ,} or {@code |}
         */
        public Builder putList(String key, List<String> list) {
            checkKey(key);
            if (list == null || list.isEmpty()) {
                return this;
            }
            for (String element : list) {
                if (element == null || element.indexOf(',') >= 0) {
                    throw new SipsDataFormatException(key, "A Data list element cannot be null or contain ','");
                }
            }
            return put(key, String.join(",", list));
        }

        /** Adds every pair of another {@code Data}. */
        public Builder putAll(SipsData other) {
            other.values.forEach(this::put);
            return this;
        }

        public SipsData build() {
            return new SipsData(new LinkedHashMap<>(values));
        }

        private static void checkKey(String key) {
            if (key == null || key.isEmpty()) {
                throw new SipsDataFormatException(DATA_FIELD, "Empty field name");
            }
            if (key.indexOf('=') >= 0 || key.indexOf('|') >= 0) {
                throw new SipsDataFormatException(DATA_FIELD, "A field name cannot contain '=' or '|'");
            }
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SipsData other && values.equals(other.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    /** The field names only: values may hold personal data. */
    @Override
    public String toString() {
        return "SipsData" + values.keySet();
    }
}
