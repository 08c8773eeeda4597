package org.caisse.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/** The seal a merchant expects on an Office JSON response: values in field-name order, nested objects in place, seal excluded. */
final class OfficeResponseSeal {

    private OfficeResponseSeal() {
    }

    static String expected(JsonNode response, DemoMerchant merchant) {
        StringBuilder sealString = new StringBuilder();
        appendObject(response, sealString, true);
        return merchant.hmacSeal(sealString.toString());
    }

    private static void appendObject(JsonNode object, StringBuilder out, boolean topLevel) {
        TreeMap<String, JsonNode> sorted = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (!(topLevel && field.getKey().equals("seal"))) {
                sorted.put(field.getKey(), field.getValue());
            }
        }
        sorted.values().forEach(value -> appendValue(value, out));
    }

    private static void appendValue(JsonNode value, StringBuilder out) {
        if (value.isObject()) {
            appendObject(value, out, false);
        } else if (value.isArray()) {
            value.forEach(element -> appendValue(element, out));
        } else if (!value.isNull()) {
            out.append(value.asText());
        }
    }
}
