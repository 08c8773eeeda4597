package org.caisse.authorization.adapter.in.rest;

import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;

/** RFC 9457 problem details ({@code application/problem+json}), the one error shape of the internal API. */
final class Problems {

    static final String MEDIA_TYPE = "application/problem+json";

    private Problems() {
    }

    static Response of(int status, String title, String detail, String field) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", title);
        body.put("status", status);
        if (detail != null) {
            body.put("detail", detail);
        }
        if (field != null) {
            body.put("field", field);
        }
        return Response.status(status).type(MEDIA_TYPE).entity(body).build();
    }

    static Response invalidField(String field, String detail) {
        return of(400, "Invalid request", detail, field);
    }
}
