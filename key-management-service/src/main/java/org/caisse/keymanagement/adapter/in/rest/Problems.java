package org.caisse.keymanagement.adapter.in.rest;

import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;

/** RFC 9457 problem details, the one error shape of the internal API. */
public final class Problems {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_PREFIX = "urn:caisse:problem:";

    private Problems() {
    }

    /** A builder seeded with {@code type}, {@code title}, {@code status} and {@code detail}. */
    public static Builder problem(int httpStatus, String slug, String title, String detail) {
        return new Builder(httpStatus).with("type", TYPE_PREFIX + slug).with("title", title)
                .with("status", httpStatus).with("detail", detail);
    }

    public static final class Builder {
        private final int httpStatus;
        private final Map<String, Object> body = new LinkedHashMap<>();

        private Builder(int httpStatus) {
            this.httpStatus = httpStatus;
        }

        /** Adds or replaces a member; a {@code null} value is written as JSON null. */
        public Builder with(String name, Object value) {
            body.put(name, value);
            return this;
        }

        public Response build() {
            return Response.status(httpStatus).type(MEDIA_TYPE).entity(body).build();
        }
    }
}
