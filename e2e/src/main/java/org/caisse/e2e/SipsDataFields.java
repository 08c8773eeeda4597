package org.caisse.e2e;

import java.util.LinkedHashMap;
import java.util.Map;

/** The {@code key=value|key=value} form of a Sips Data string, as a merchant's code reads it. */
public final class SipsDataFields {

    private SipsDataFields() {
    }

    public static Map<String, String> parse(String data) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : data.split("\\|")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                fields.put(pair.substring(0, eq), pair.substring(eq + 1));
            }
        }
        return fields;
    }
}
