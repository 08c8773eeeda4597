package org.caisse.authorization.adapter.in.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import org.caisse.authorization.domain.threeds.AuthenticationOutcome;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.PathParam;
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

    /** Body of a 3-D Secure result: the merchant, the outcome chosen at the ACS, the CSC typed again if any. */
    public static class AuthenticationResultBody {
        public String merchantId;
        public String outcome;
        public String cscValue;

        @Override
        public String toString() {
            return "AuthenticationResultBody[" + merchantId + ", " + outcome + "]";
        }
    }

    @POST
    @Path("/authentications/{authenticationId}")
    @Operation(summary = "Apply the cardholder's 3-D Secure result and finish the pending authorization",
            description = "outcome SUCCESS | ATTEMPT | FAILURE | CANCELLED | ERROR. 200 transaction snapshot "
                    + "(FAILURE → 05, CANCELLED → 17, refused without asking the acquirer); 97 when the authentication "
                    + "expired; 404 unknown or already completed for that merchant")
    public Uni<Response> authenticate(@PathParam("authenticationId") String authenticationId,
                                      AuthenticationResultBody body) {
        java.util.UUID id;
        try {
            id = java.util.UUID.fromString(authenticationId);
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException("authenticationId", "must be a UUID");
        }
        if (body == null) {
            throw new InvalidFieldException("body", "a JSON object is required");
        }
        String merchantId = RequestValidator.merchantId(body.merchantId);
        AuthenticationOutcome outcome;
        try {
            outcome = AuthenticationOutcome.valueOf(body.outcome == null ? "" : body.outcome);
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException("outcome", "must be SUCCESS, ATTEMPT, FAILURE, CANCELLED or ERROR");
        }
        if (body.cscValue != null && !RequestValidator.CSC.matcher(body.cscValue).matches()) {
            throw new InvalidFieldException("cscValue", "must be 3 or 4 digits");
        }
        return authorizations.completeAuthentication(id, merchantId, outcome, body.cscValue)
                .map(found -> found.map(snapshot -> Response.ok(snapshot).build())
                        .orElseGet(() -> Problems.of(404, "Not Found",
                                "no pending authentication with this id for this merchant", null)));
    }
}
