package org.caisse.officeserver.adapter.in.rest;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * Strict JSON for sealed messages: a body must be exactly one JSON object, without duplicate keys
 * (which would make the sealed content ambiguous); decimals are kept as written ({@code BigDecimal}),
 * so the seal string uses the text the merchant sealed.
 */
final class OfficeJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private OfficeJson() {
    }

    /** The body as a JSON object, or empty when it is not exactly one JSON object. */
    static Optional<Map<String, Object>> parseObject(byte[] body) {
        if (body == null || body.length == 0) {
            return Optional.empty();
        }
        try {
            Object value = MAPPER.readValue(body, Object.class);
            if (!(value instanceof Map<?, ?> object)) {
                return Optional.empty();
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> typed = (Map<String, Object>) object;
            return Optional.of(typed);
        } catch (IOException | RuntimeException notJson) {
            return Optional.empty();
        }
    }

    static byte[] write(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (IOException impossible) {
            throw new IllegalStateException("cannot serialise a response", impossible);
        }
    }
}
