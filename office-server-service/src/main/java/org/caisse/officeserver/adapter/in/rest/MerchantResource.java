package org.caisse.officeserver.adapter.in.rest;

import java.util.Map;
import java.util.Set;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import org.caisse.common.identity.ServiceCallers;
import org.caisse.officeserver.application.merchant.MerchantAccountService;
import org.caisse.officeserver.application.merchant.MerchantAccountService.Outcome;
import org.caisse.officeserver.config.InternalCallersConfig;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Internal merchant accounts API (service JWT with the {@code service} group). */
@Path("/internal/v1/merchants")
@RolesAllowed("service")
@Tag(name = "Merchants (internal)")
public class MerchantResource {

    private final MerchantAccountService merchants;
    private final SecurityIdentity identity;
    private final Set<String> writers;

    @Inject
    public MerchantResource(MerchantAccountService merchants, SecurityIdentity identity,
                            InternalCallersConfig callers) {
        this.merchants = merchants;
        this.identity = identity;
        this.writers = Set.copyOf(callers.merchantWriters().orElse(Set.of()));
    }

    @PUT
    @Path("{merchantId}")
    @Consumes(MediaType.WILDCARD)
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Operation(summary = "Create or replace a merchant's settings; publishes org.caisse.merchant.updated.v1 when they change")
    public Uni<Response> put(@PathParam("merchantId") String merchantId, byte[] body) {
        // The principal, not an injected JsonWebToken: with quarkus-oidc present that bean is OIDC's (empty here).
        if (!(identity.getPrincipal() instanceof JsonWebToken token)
                || !ServiceCallers.isAllowed(token.getRawToken(), token.getSubject(), writers)) {
            return Uni.createFrom().item(Problem.of(403, "Caller not allowed",
                    "this service may not write merchant settings (caisse.internal.merchant-writers)"));
        }
        var document = OfficeJson.parseObject(body);
        if (document.isEmpty()) {
            return Uni.createFrom().item(Problem.of(400, "Malformed request body",
                    "the body must be one JSON object (merchant settings)"));
        }
        return merchants.put(merchantId, document.get()).map(outcome -> switch (outcome) {
            case Outcome.Saved saved -> Response.ok(OfficeJson.write(saved.settings().toDocument()),
                    MediaType.APPLICATION_JSON).build();
            case Outcome.Rejected rejected -> Problem.of(400, "Invalid merchant settings",
                    rejected.violations().size() + " field(s) refused",
                    rejected.violations().stream()
                            .map(v -> Map.of("field", v.field(), "message", v.message()))
                            .toList());
        });
    }

}
