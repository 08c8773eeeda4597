package org.caisse.officeserver.application.office;

import java.util.Map;

/**
 * What the Office endpoint answers: the HTTP status and the JSON body (already carrying its
 * {@code seal} when the merchant's key was known).
 */
public record OfficeReply(int httpStatus, Map<String, Object> body) {

    /** The Sips code of the answer, whichever field carries it ({@code responseCode} or {@code walletResponseCode}). */
    public String responseCode() {
        Object code = body.containsKey("responseCode") ? body.get("responseCode") : body.get("walletResponseCode");
        return String.valueOf(code);
    }
}
