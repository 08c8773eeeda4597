package org.caisse.keymanagement.adapter.in.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.Set;
import org.caisse.common.identity.ServiceCallers;
import org.caisse.keymanagement.application.CseKeyService;
import org.caisse.keymanagement.config.InternalCallersConfig;
import org.caisse.keymanagement.domain.MerchantId;
import org.caisse.keymanagement.domain.cse.CseKeyId;
import org.caisse.keymanagement.domain.cse.CseKeyLookup;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;

/**
 * Client-side-encryption key pairs for the other services (service JWT, role {@code service}): generating one
 * ({@code caisse.internal.cse-key-generators}) and fetching a private key to decrypt card data
 * ({@code caisse.internal.cse-key-readers}).
 */
@Path("/internal/v1/merchants/{merchantId}/cse-keys")
@RolesAllowed("service")
@Tag(name = "Internal: CSE keys")
@SecurityRequirement(name = "serviceJwt")
public class InternalCseKeyResource {

    private static final Logger LOG = Logger.getLogger(InternalCseKeyResource.class);

    private final CseKeyService keys;
    private final ServiceCallerToken token;
    private final Set<String> generators;
    private final Set<String> readers;

    public InternalCseKeyResource(CseKeyService keys, ServiceCallerToken token, InternalCallersConfig callers) {
        this.keys = keys;
        this.token = token;
        this.generators = Set.copyOf(callers.cseKeyGenerators().orElse(Set.of()));
        this.readers = Set.copyOf(callers.cseKeyReaders());
    }

    @POST
    @Produces({MediaType.APPLICATION_JSON, Problems.MEDIA_TYPE})
    @Operation(summary = "Generate a new ACTIVE CSE key pair for the merchant; answers its public JWK")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = CseKeyCreatedResponse.class)))
    @APIResponse(responseCode = "400", description = "merchantId is not 15 digits")
    @APIResponse(responseCode = "401", description = "Missing or invalid service token")
    @APIResponse(responseCode = "403", description = "The calling service may not generate CSE keys")
    public Uni<Response> generate(@PathParam("merchantId") String merchantId) {
        if (!ServiceCallers.isAllowed(token.rawToken(), token.subject(), generators)) {
            LOG.warnf("CSE key generation refused to caller %s", token.subject());
            return Uni.createFrom().item(forbidden("This service may not generate CSE keys"));
        }
        MerchantId merchant = MerchantId.of(merchantId);
        return keys.generate(merchant).map(created -> Response.status(201)
                .entity(CseKeyCreatedResponse.of(created)).type(MediaType.APPLICATION_JSON).build());
    }

    @GET
    @Path("{kid}")
    @Produces({MediaType.APPLICATION_JSON, Problems.MEDIA_TYPE})
    @Operation(summary = "The private JWK of a merchant's CSE key pair, if it may decrypt now")
    @APIResponse(responseCode = "200", description = "Usable key pair",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = CsePrivateKeyResponse.class)))
    @APIResponse(responseCode = "400", description = "merchantId is not 15 digits or kid is not a valid key id")
    @APIResponse(responseCode = "401", description = "Missing or invalid service token")
    @APIResponse(responseCode = "403", description = "The calling service may not fetch CSE private keys")
    @APIResponse(responseCode = "404", description = "No such kid for this merchant")
    @APIResponse(responseCode = "410", description = "Key pair no longer usable; the body carries its status")
    public Uni<Response> fetch(@PathParam("merchantId") String merchantId, @PathParam("kid") String kid) {
        if (!ServiceCallers.isAllowed(token.rawToken(), token.subject(), readers)) {
            LOG.warnf("CSE private key fetch refused to caller %s", token.subject());
            return Uni.createFrom().item(forbidden("This service may not fetch CSE private keys"));
        }
        CseKeyId id = new CseKeyId(MerchantId.of(merchantId), kid);
        LOG.debugf("CSE key %s requested by %s", id, token.subject());
        return keys.findForDecryption(id).map(InternalCseKeyResource::toResponse);
    }

    private static Response forbidden(String detail) {
        return Problems.problem(403, "caller-not-allowed", "Caller not allowed", detail).build();
    }

    private static Response toResponse(CseKeyLookup lookup) {
        return switch (lookup) {
            case CseKeyLookup.Usable usable -> Response.ok(CsePrivateKeyResponse.of(usable.pair()))
                    .type(MediaType.APPLICATION_JSON)
                    .header("Cache-Control", "no-store")
                    .build();
            case CseKeyLookup.Unknown unknown -> Problems.problem(404, "unknown-cse-key", "Unknown CSE key",
                            "No CSE key " + unknown.id().kid() + " for merchant " + unknown.id().merchantId())
                    .with("merchantId", unknown.id().merchantId().value())
                    .with("kid", unknown.id().kid())
                    .build();
            case CseKeyLookup.NoLongerUsable gone -> Problems.problem(410, "cse-key-no-longer-usable",
                            "CSE key no longer usable",
                            "CSE key " + gone.id().kid() + " of merchant " + gone.id().merchantId() + " is "
                                    + gone.lifecycle().status()
                                    + gone.lifecycle().notAfter().map(t -> " (not after " + t + ")").orElse(""))
                    // As for seal keys: "status" carries the key status, "httpStatus" the HTTP one.
                    .with("status", gone.lifecycle().status().name())
                    .with("httpStatus", 410)
                    .with("keyStatus", gone.lifecycle().status().name())
                    .with("merchantId", gone.id().merchantId().value())
                    .with("kid", gone.id().kid())
                    .with("notAfter", gone.lifecycle().notAfter().map(Instant::toString).orElse(null))
                    .build();
        };
    }
}
