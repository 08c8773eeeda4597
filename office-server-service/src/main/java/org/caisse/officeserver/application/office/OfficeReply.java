package org.caisse.officeserver.application.office;

import java.util.Map;

/**
 * What the Office endpoint answers: the HTTP status and the JSON body (already carrying its
 * {@code seal} when the merchant's key was known).
 */
public record OfficeReply(int httpStatus, Map<String, Object> body) {

    public String responseCode() {
        return String.valueOf(body.get("responseCode"));
    }
}
