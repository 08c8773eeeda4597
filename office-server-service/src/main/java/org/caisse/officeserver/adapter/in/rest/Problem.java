package org.caisse.officeserver.adapter.in.rest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.Response;

/** RFC 9457 problem details ({@code application/problem+json}) for the internal endpoints. */
final class Problem {

    static final String MEDIA_TYPE = "application/problem+json";

    private Problem() {
    }

    static Response of(int status, String title, String detail) {
        return of(status, title, detail, null);
    }

    static Response of(int status, String title, String detail, List<Map<String, String>> violations) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", title);
        body.put("status", status);
        if (detail != null) {
            body.put("detail", detail);
        }
        if (violations != null) {
            body.put("violations", violations);
        }
        return Response.status(status).type(MEDIA_TYPE).entity(OfficeJson.write(body)).build();
    }
}
