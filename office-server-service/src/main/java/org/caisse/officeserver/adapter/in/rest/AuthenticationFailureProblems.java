package org.caisse.officeserver.adapter.in.rest;

import java.nio.charset.StandardCharsets;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.security.AuthenticationFailedException;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;

/**
 * A bearer token refused by the security layer (bad signature, expired, another issuer) fails before the REST
 * layer; this answers it on {@code /api/*} as an RFC 9457 problem like every other refusal of the operator API.
 */
@ApplicationScoped
public class AuthenticationFailureProblems {

    private static final byte[] BODY = """
            {"type":"about:blank","title":"Unauthorized","status":401,"detail":"the bearer token was refused"}"""
            .getBytes(StandardCharsets.UTF_8);

    void register(@Observes Router router) {
        router.route("/api/*").failureHandler(context -> {
            if (context.failure() instanceof AuthenticationFailedException && !context.response().headWritten()) {
                context.response().setStatusCode(401)
                        .putHeader("Content-Type", Problem.MEDIA_TYPE)
                        .putHeader("WWW-Authenticate", "Bearer")
                        .end(Buffer.buffer(BODY));
            } else {
                context.next();
            }
        });
    }
}
