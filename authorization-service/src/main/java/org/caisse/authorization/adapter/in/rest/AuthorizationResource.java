package org.caisse.authorization.adapter.in.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.caisse.authorization.application.AuthorizationService;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Card authorizations asked by the other services (payment page, Office Server). */
@Path("/internal/v1/authorizations")
@RolesAllowed("service")
@InternalCallers
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class AuthorizationResource {

    private final AuthorizationService authorizations;

    public AuthorizationResource(AuthorizationService authorizations) {
        this.authorizations = authorizations;
    }

    @POST
    @Operation(summary = "Authorize a card payment",
            description = "200 with a transaction snapshot whatever the outcome (responseCode tells it: 00, 05, 94...); "
                    + "400 problem JSON for a malformed body")
    public Uni<Map<String, Object>> authorize(AuthorizationRequestBody body) {
        return authorizations.authorize(RequestValidator.authorization(body));
    }
}
