package org.caisse.officeserver.adapter.in.rest;

import jakarta.ws.rs.core.Response;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Refusals of the security layer as RFC 9457 problem JSON (without these, the generic mapper would answer 500). */
public class SecurityProblemMapper {

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException missing) {
        return withChallenge(Problem.of(401, "Unauthorized", "a bearer token is required"));
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException invalid) {
        return withChallenge(Problem.of(401, "Unauthorized", "the bearer token was refused"));
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException refused) {
        return Problem.of(403, "Forbidden", "this identity lacks the role the endpoint requires");
    }

    private static Response withChallenge(Response problem) {
        return Response.fromResponse(problem).header("WWW-Authenticate", "Bearer").build();
    }
}
