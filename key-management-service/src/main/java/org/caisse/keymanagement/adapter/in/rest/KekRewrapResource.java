package org.caisse.keymanagement.adapter.in.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.Set;
import org.caisse.common.identity.ServiceCallers;
import org.caisse.keymanagement.application.KekRewrapService;
import org.caisse.keymanagement.config.InternalCallersConfig;
import org.caisse.keymanagement.domain.custody.Actor;
import org.caisse.keymanagement.domain.custody.ActorRole;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;

/** Operator endpoint of a KEK rotation: re-wrap every data key under the current key-encryption key. */
@Path("/internal/v1/kek/rewrap")
@RolesAllowed("service")
@Tag(name = "Internal: key-encryption key")
@SecurityRequirement(name = "serviceJwt")
public class KekRewrapResource {

    private static final Logger LOG = Logger.getLogger(KekRewrapResource.class);

    private final KekRewrapService rewrap;
    private final ServiceCallerToken token;
    private final Set<String> operators;

    public KekRewrapResource(KekRewrapService rewrap, ServiceCallerToken token, InternalCallersConfig callers) {
        this.rewrap = rewrap;
        this.token = token;
        this.operators = callers.kekOperators().map(Set::copyOf).orElse(Set.of());
    }

    @POST
    @Produces({MediaType.APPLICATION_JSON, Problems.MEDIA_TYPE})
    @Operation(summary = "Re-wrap every data key (seal and CSE) under the current key-encryption key")
    @APIResponse(responseCode = "200", description = "{kekId, sealKeys, cseKeys, unreadable}: what was re-wrapped, what could not be")
    @APIResponse(responseCode = "403", description = "Caller not in caisse.internal.kek-operators")
    public Uni<Response> rewrapAll() {
        if (!ServiceCallers.isAllowed(token.rawToken(), token.subject(), operators)) {
            LOG.warnf("KEK rewrap refused to caller %s", token.subject());
            return Uni.createFrom().item(Problems.problem(403, "caller-not-allowed", "Caller not allowed",
                    "This service may not re-wrap key material").build());
        }
        Actor actor = new Actor(token.subject(), ActorRole.OPERATOR, "service:" + token.subject());
        return rewrap.rewrapAll(actor).map(report -> Response.ok(Map.of("kekId", report.kekId(),
                "sealKeys", report.sealKeys(), "cseKeys", report.cseKeys(), "unreadable", report.unreadable())).type(MediaType.APPLICATION_JSON).build());
    }
}
