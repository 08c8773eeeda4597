package org.caisse.keymanagement.adapter.in.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.caisse.common.identity.ServiceCallers;
import org.caisse.keymanagement.application.MerchantKeyService;
import org.caisse.keymanagement.config.InternalCallersConfig;
import org.caisse.keymanagement.domain.KeyEnvironment;
import org.caisse.keymanagement.domain.KeyLookup;
import org.caisse.keymanagement.domain.KeyVersion;
import org.caisse.keymanagement.domain.MerchantId;
import org.caisse.keymanagement.domain.MerchantKeyId;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;

/** The internal key-fetch API the sealing services call on a cache miss (service JWT, role {@code service}). */
@Path("/internal/v1/merchants/{merchantId}/keys/{keyVersion}")
@RolesAllowed("service")
@Tag(name = "Internal: merchant keys")
@SecurityRequirement(name = "serviceJwt")
public class InternalMerchantKeyResource {

    private static final Logger LOG = Logger.getLogger(InternalMerchantKeyResource.class);

    private final MerchantKeyService keys;
    private final ServiceCallerToken token;
    private final Set<String> allowedCallers;

    public InternalMerchantKeyResource(MerchantKeyService keys, ServiceCallerToken token, InternalCallersConfig callers) {
        this.keys = keys;
        this.token = token;
        this.allowedCallers = Set.copyOf(callers.allowedCallers());
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, Problems.MEDIA_TYPE})
    @Operation(summary = "The secret key of a merchant's key version, if it may verify seals now")
    @APIResponse(responseCode = "200", description = "Usable key",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = MerchantKeyResponse.class)))
    @APIResponse(responseCode = "400", description = "merchantId is not 15 digits or keyVersion not an integer ≥ 1")
    @APIResponse(responseCode = "401", description = "Missing or invalid service token")
    @APIResponse(responseCode = "403", description = "The calling service is not allowed to fetch keys")
    @APIResponse(responseCode = "404", description = "Unknown merchant or key version")
    @APIResponse(responseCode = "410", description = "Key version no longer usable; the body carries its status")
    @APIResponse(responseCode = "409", description = "The key belongs to another environment than the one asked for")
    public Uni<Response> get(@PathParam("merchantId") String merchantId,
                             @PathParam("keyVersion") String keyVersion,
                             @QueryParam("environment") String environment) {
        if (!ServiceCallers.isAllowed(token.rawToken(), token.subject(), allowedCallers)) {
            // The subject is a service name (or a forged one), never a secret.
            LOG.warnf("Key fetch refused to caller %s", token.subject());
            return Uni.createFrom().item(Problems.problem(403, "caller-not-allowed", "Caller not allowed",
                    "This service may not fetch merchant keys").build());
        }
        MerchantKeyId id = new MerchantKeyId(MerchantId.of(merchantId), KeyVersion.parse(keyVersion));
        Optional<KeyEnvironment> requested;
        try {
            requested = environment == null || environment.isEmpty() ? Optional.empty()
                    : Optional.of(KeyEnvironment.valueOf(environment));
        } catch (IllegalArgumentException e) {
            return Uni.createFrom().item(Problems.problem(400, "invalid-request", "Invalid environment",
                    "environment must be TEST or PRODUCTION").with("field", "environment").build());
        }
        LOG.debugf("Key %s requested by %s", id, token.subject());
        return keys.findForVerification(id, requested).map(InternalMerchantKeyResource::toResponse);
    }

    private static Response toResponse(KeyLookup lookup) {
        return switch (lookup) {
            case KeyLookup.Usable usable -> Response.ok(MerchantKeyResponse.of(usable.key()))
                    .type(MediaType.APPLICATION_JSON).build();
            case KeyLookup.Unknown unknown -> Problems.problem(404, "unknown-key", "Unknown key",
                            "No key version " + unknown.id().keyVersion() + " for merchant " + unknown.id().merchantId())
                    .with("merchantId", unknown.id().merchantId().value())
                    .with("keyVersion", unknown.id().keyVersion().value())
                    .build();
            case KeyLookup.NotActiveYet notYet -> Problems.problem(404, "key-not-active", "Key version not active",
                            "Key version " + notYet.id().keyVersion() + " of merchant " + notYet.id().merchantId()
                                    + " was requested but is not active yet")
                    .with("merchantId", notYet.id().merchantId().value())
                    .with("keyVersion", notYet.id().keyVersion().value())
                    .with("keyStatus", "REQUESTED")
                    .build();
            case KeyLookup.WrongEnvironment wrong -> Problems.problem(409, "key-environment-mismatch",
                            "Key environment mismatch",
                            "Key version " + wrong.id().keyVersion() + " of merchant " + wrong.id().merchantId()
                                    + " is a " + wrong.keyEnvironment() + " key; it cannot serve "
                                    + wrong.requestedEnvironment())
                    .with("merchantId", wrong.id().merchantId().value())
                    .with("keyVersion", wrong.id().keyVersion().value())
                    .with("keyEnvironment", wrong.keyEnvironment().name())
                    .with("requestedEnvironment", wrong.requestedEnvironment().name())
                    .build();
            case KeyLookup.NoLongerUsable gone -> Problems.problem(410, "key-no-longer-usable",
                            "Key version no longer usable",
                            "Key version " + gone.id().keyVersion() + " of merchant " + gone.id().merchantId()
                                    + " is " + gone.lifecycle().status()
                                    + gone.lifecycle().notAfter().map(t -> " (not after " + t + ")").orElse(""))
                    // The platform contract names the key status "status" in this body (read by
                    // CachingMerchantKeyClient); RFC 9457 clients ignore a non-numeric "status".
                    .with("status", gone.lifecycle().status().name())
                    .with("httpStatus", 410)
                    .with("keyStatus", gone.lifecycle().status().name())
                    .with("merchantId", gone.id().merchantId().value())
                    .with("keyVersion", gone.id().keyVersion().value())
                    .with("notAfter", gone.lifecycle().notAfter().map(Instant::toString).orElse(null))
                    .build();
        };
    }
}
