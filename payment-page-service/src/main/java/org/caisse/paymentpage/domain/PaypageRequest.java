package org.caisse.paymentpage.domain;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A Paypage request whose fields passed the format rules (SIPS.md §2). {@link #fields()} holds every
 * received key as flattened {@code key → value}; the typed accessors read the required ones.
 */
public record PaypageRequest(
        String merchantId,
        int keyVersion,
        long amount,
        String currencyCode,
        String normalReturnUrl,
        String transactionReference,
        Map<String, String> fields) {

    public PaypageRequest {
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    public Optional<String> field(String name) {
        return Optional.ofNullable(fields.get(name)).filter(v -> !v.isEmpty());
    }

    public Optional<String> automaticResponseUrl() {
        return field("automaticResponseUrl");
    }

    public String captureMode() {
        return field("captureMode").orElse("AUTHOR_CAPTURE");
    }

    public int captureDay() {
        return field("captureDay").map(Integer::parseInt).orElse(0);
    }

    public String orderChannel() {
        return field("orderChannel").orElse("INTERNET");
    }

    public Optional<String> customerLanguage() {
        return field("customerLanguage");
    }

    /** True when the merchant asked for a base64-encoded response {@code Data}. */
    public boolean base64Response() {
        return field("responseEncoding").map("base64"::equalsIgnoreCase).orElse(false);
    }
}
