package org.caisse.officeserver.domain.office;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The fields of an Office response, in insertion order; null values, empty strings and empty lists are
 * left out (Sips emits only fields that have values).
 */
public final class ResponseFields {

    private final Map<String, Object> fields = new LinkedHashMap<>();

    public static ResponseFields withCode(String responseCode) {
        return new ResponseFields().put("responseCode", responseCode);
    }

    public ResponseFields put(String name, Object value) {
        if (value == null
                || value instanceof String text && text.isEmpty()
                || value instanceof Collection<?> collection && collection.isEmpty()) {
            return this;
        }
        fields.put(name, value);
        return this;
    }

    /** Copies {@code from[sourceName]} as {@code name} when present. */
    public ResponseFields copy(Map<String, ?> from, String sourceName, String name) {
        return put(name, from.get(sourceName));
    }

    public ResponseFields copy(Map<String, ?> from, String name) {
        return copy(from, name, name);
    }

    public Map<String, Object> asMap() {
        return new LinkedHashMap<>(fields);
    }
}
