package org.caisse.keymanagement.adapter.in.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.Set;
import org.caisse.common.identity.ServiceCallers;
import org.caisse.keymanagement.application.DownloadedKey;
import org.caisse.keymanagement.application.KeyLifecycleService;
import org.caisse.keymanagement.config.InternalCallersConfig;
import org.caisse.keymanagement.domain.KeyVersion;
import org.caisse.keymanagement.domain.MerchantId;
import org.caisse.keymanagement.domain.custody.Decision;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;

/**
 * The one-time download of a version's secret for an operator service (after a rotation): the key site's
 * {@code downloadOnce} use case, so the secret leaves the service exactly once whoever takes it.
 */
@Path("/internal/v1/merchants/{merchantId}/keys/{keyVersion}/download")
@RolesAllowed("service")
@Tag(name = "Internal: seal key rotation")
@SecurityRequirement(name = "serviceJwt")
public class InternalKeyDownloadResource {

    private static final Logger LOG = Logger.getLogger(InternalKeyDownloadResource.class);

    private final KeyLifecycleService lifecycle;
    private final ServiceCallerToken token;
    private final Set<String> downloaders;

    public InternalKeyDownloadResource(KeyLifecycleService lifecycle, ServiceCallerToken token,
                                       InternalCallersConfig callers) {
        this.lifecycle = lifecycle;
        this.token = token;
        this.downloaders = callers.keyDownloaders().map(Set::copyOf).orElse(Set.of());
    }

    @POST
    @Produces({MediaType.APPLICATION_JSON, Problems.MEDIA_TYPE})
    @Operation(summary = "The secret of a key version, exactly once (the same one-time download as the key site)")
    @APIResponse(responseCode = "200", description = "The secret; any later call is refused with 409")
    @APIResponse(responseCode = "403", description = "Caller not in caisse.internal.key-downloaders")
    @APIResponse(responseCode = "404", description = "Unknown key version")
    @APIResponse(responseCode = "409", description = "Already downloaded, or no longer downloadable")
    public Uni<Response> download(@PathParam("merchantId") String merchantId,
                                  @PathParam("keyVersion") String keyVersion) {
        if (!ServiceCallers.isAllowed(token.rawToken(), token.subject(), downloaders)) {
            LOG.warnf("Key download refused to caller %s", token.subject());
            return Uni.createFrom().item(InternalKeyRotationResource.notAllowed("This service may not download merchant keys"));
        }
        return lifecycle.downloadOnce(MerchantId.of(merchantId), KeyVersion.parse(keyVersion), InternalKeyRotationResource.operator(token))
                .map(decision -> switch (decision) {
                    case Decision.Accepted<DownloadedKey> accepted -> downloaded(accepted.value());
                    case Decision.Refused<DownloadedKey> refused -> InternalKeyRotationResource.refusal(refused);
                });
    }

    private static Response downloaded(DownloadedKey key) {
        Map<String, Object> body = InternalKeyRotationResource.metadata(key.version());
        body.put("secretKey", key.secret().reveal());
        return Response.ok(body).type(MediaType.APPLICATION_JSON).header("Cache-Control", "no-store").build();
    }

}
