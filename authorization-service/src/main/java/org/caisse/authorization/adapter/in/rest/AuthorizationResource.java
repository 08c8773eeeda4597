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

/** Card authorizations, duplicates and credits asked by the other services (payment page, Office Server). */
@Path("/internal/v1")
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
    @Path("/authorizations")
    @Operation(summary = "Authorize a card payment (card number, tokenPan or wallet card)",
            description = "200 with a transaction snapshot whatever the outcome (responseCode tells it: 00, 05, 94...); "
                    + "400 problem JSON for a malformed body")
    public Uni<Map<String, Object>> authorize(AuthorizationRequestBody body) {
        return authorizations.authorize(RequestValidator.authorization(body));
    }

    @POST
    @Path("/duplicates")
    @Operation(summary = "Authorize a new payment with the card of an earlier transaction (Sips duplicate)",
            description = "Body as an authorization without card, with fromTransactionReference and, for another of "
                    + "the merchant's shops, fromMerchantId. 200 snapshot; responseCode 25 unknown source, 40 source "
                    + "merchant not allowed, 94 reused reference")
    public Uni<Map<String, Object>> duplicate(AuthorizationRequestBody body) {
        return authorizations.authorize(RequestValidator.duplicate(body));
    }

    @POST
    @Path("/credits")
    @Operation(summary = "Credit a card without an earlier payment (Sips credit holder)",
            description = "Body as an authorization; the credit is TO_CREDIT until the next remittance run")
    public Uni<Map<String, Object>> credit(AuthorizationRequestBody body) {
        return authorizations.creditHolder(RequestValidator.authorization(body));
    }
}
