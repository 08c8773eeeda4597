package org.caisse.officeserver.adapter.in.rest;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import org.caisse.common.sips.ResponseCode;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * An Office body announced above {@code quarkus.http.limits.max-body-size} is refused with HTTP 413 and a JSON
 * body {@code {"responseCode":"30"}} (SIPS.md §5) before it is read; the HTTP layer's own limit (413 without a
 * body) still stops a body sent without {@code Content-Length} (chunked) once it grows past the limit.
 */
@ApplicationScoped
public class OversizedBodyFilter {

    private static final byte[] TOO_LARGE = OfficeJson.write(Map.of("responseCode", ResponseCode.FORMAT_ERROR.code()));

    private final long maxBodySize;

    public OversizedBodyFilter(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize) {
        this.maxBodySize = maxBodySize.asLongValue();
    }

    void register(@Observes Router router) {
        router.route("/rs-services/*").order(Integer.MIN_VALUE).handler(context -> {
            String length = context.request().getHeader("Content-Length");
            if (length != null && tooLarge(length)) {
                context.response().setStatusCode(413)
                        .putHeader("Content-Type", "application/json")
                        .putHeader("Connection", "close")
                        .end(Buffer.buffer(TOO_LARGE));
                return;
            }
            context.next();
        });
    }

    private boolean tooLarge(String length) {
        try {
            return Long.parseLong(length.trim()) > maxBodySize;
        } catch (NumberFormatException unreadable) {
            return false;
        }
    }
}
