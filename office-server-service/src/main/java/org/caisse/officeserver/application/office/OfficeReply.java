package org.caisse.officeserver.application.office;

import java.util.Map;

/**
 * What the Office endpoint answers: the HTTP status and the JSON body (already carrying its
 * {@code seal} when the merchant's key was known). {@code encoded}, when set, is the exact body to send
 * (a stored answer replayed byte for byte); {@code headers} are extra response headers ({@code Retry-After}).
 */
public record OfficeReply(int httpStatus, Map<String, Object> body, byte[] encoded, Map<String, String> headers) {

    public OfficeReply(int httpStatus, Map<String, Object> body) {
        this(httpStatus, body, null, Map.of());
    }

    public OfficeReply withEncoded(byte[] bytes) {
        return new OfficeReply(httpStatus, body, bytes, headers);
    }

    public OfficeReply withHeader(String name, String value) {
        Map<String, String> more = new java.util.LinkedHashMap<>(headers);
        more.put(name, value);
        return new OfficeReply(httpStatus, body, encoded, Map.copyOf(more));
    }

    /** The Sips code of the answer, whichever field carries it ({@code responseCode} or {@code walletResponseCode}). */
    public String responseCode() {
        Object code = body.containsKey("responseCode") ? body.get("responseCode") : body.get("walletResponseCode");
        return String.valueOf(code);
    }
}
