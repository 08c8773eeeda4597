package org.caisse.paymentpage.application;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The answer to a Paypage JSON init (SIPS.md §3): its {@code redirectionStatusCode} and the JSON fields,
 * {@code seal} included when a key of the merchant was found.
 */
public record JsonInitAnswer(String code, Map<String, Object> body) {

    public JsonInitAnswer {
        body = Collections.unmodifiableMap(new LinkedHashMap<>(body));
    }
}
