package org.caisse.keymanagement.adapter.in.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.caisse.common.identity.ServiceCallers;
import org.caisse.keymanagement.application.KeyLifecycleService;
import org.caisse.keymanagement.config.InternalCallersConfig;
import org.caisse.keymanagement.domain.KeyEnvironment;
import org.caisse.keymanagement.domain.KeyStatus;
import org.caisse.keymanagement.domain.MerchantId;
import org.caisse.keymanagement.domain.custody.Actor;
import org.caisse.keymanagement.domain.custody.ActorRole;
import org.caisse.keymanagement.domain.custody.Decision;
import org.caisse.keymanagement.domain.custody.SealKeyVersion;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;

/**
 * Operator endpoint of a seal key rotation. It answers metadata only, never the secret: the new version's secret is
 * taken exactly once through {@link InternalKeyDownloadResource}, the same one-time download as the key site. The audit line names the
 * calling service: role OPERATOR, origin {@code service:<name>}.
 */
@Path("/internal/v1/merchants/{merchantId}/keys/rotations")
@RolesAllowed("service")
@Tag(name = "Internal: seal key rotation")
@SecurityRequirement(name = "serviceJwt")
public class InternalKeyRotationResource {

    private static final Logger LOG = Logger.getLogger(InternalKeyRotationResource.class);

    /** {@code environment} TEST or PRODUCTION (required); {@code overlap} ISO-8601 duration (default 24 h). */
    public record RotationRequest(String environment, String overlap) {
    }

    private final KeyLifecycleService lifecycle;
    private final ServiceCallerToken token;
    private final Set<String> rotators;

    public InternalKeyRotationResource(KeyLifecycleService lifecycle, ServiceCallerToken token,
                                       InternalCallersConfig callers) {
        this.lifecycle = lifecycle;
        this.token = token;
        this.rotators = callers.keyRotators().map(Set::copyOf).orElse(Set.of());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, Problems.MEDIA_TYPE})
    @Operation(summary = "Rotate a merchant's seal key: a new ACTIVE version, the previous ones DEPRECATED after the overlap")
    @APIResponse(responseCode = "201", description = "The new version's metadata (never its secret) and the deprecated versions")
    @APIResponse(responseCode = "400", description = "Bad merchantId, environment or overlap (outside the allowed range)")
    @APIResponse(responseCode = "403", description = "Caller not in caisse.internal.key-rotators")
    public Uni<Response> rotate(@PathParam("merchantId") String merchantId, RotationRequest request) {
        if (!ServiceCallers.isAllowed(token.rawToken(), token.subject(), rotators)) {
            LOG.warnf("Key rotation refused to caller %s", token.subject());
            return Uni.createFrom().item(notAllowed("This service may not rotate merchant keys"));
        }
        MerchantId merchant = MerchantId.of(merchantId);
        KeyEnvironment environment;
        try {
            environment = KeyEnvironment.valueOf(request == null || request.environment() == null ? ""
                    : request.environment());
        } catch (IllegalArgumentException e) {
            return Uni.createFrom().item(invalid("environment", "environment must be TEST or PRODUCTION"));
        }
        Duration overlap;
        try {
            overlap = request.overlap() == null || request.overlap().isBlank() ? null
                    : Duration.parse(request.overlap());
        } catch (DateTimeParseException e) {
            return Uni.createFrom().item(invalid("overlap", "overlap must be an ISO-8601 duration such as PT1H"));
        }
        return lifecycle.rotate(merchant, environment, overlap, actor())
                .flatMap(decision -> switch (decision) {
                    case Decision.Accepted<SealKeyVersion> accepted -> lifecycle.listKeys(merchant)
                            .map(all -> rotated(accepted.value(), all));
                    case Decision.Refused<SealKeyVersion> refused -> Uni.createFrom().item(refusal(refused));
                });
    }

    private Actor actor() {
        return operator(token);
    }

    /** The audit actor of an operator call: the calling service, role OPERATOR, origin {@code service:<name>}. */
    static Actor operator(ServiceCallerToken token) {
        return new Actor(token.subject(), ActorRole.OPERATOR, "service:" + token.subject());
    }

    private static Response rotated(SealKeyVersion created, List<SealKeyVersion> all) {
        Map<String, Object> body = metadata(created);
        body.put("deprecated", all.stream()
                .filter(v -> v.status() == KeyStatus.DEPRECATED && v.environment() == created.environment())
                .map(InternalKeyRotationResource::metadata).toList());
        String download = "/internal/v1/merchants/" + created.merchantId().value() + "/keys/"
                + created.keyVersion().value() + "/download";
        body.put("download", download);
        return Response.created(URI.create(download)).type(MediaType.APPLICATION_JSON).entity(body).build();
    }

    static Map<String, Object> metadata(SealKeyVersion version) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("merchantId", version.merchantId().value());
        body.put("keyVersion", version.keyVersion().value());
        body.put("environment", version.environment().name());
        body.put("status", version.status().name());
        body.put("createdAt", version.createdAt().toString());
        body.put("activatedAt", version.activatedAt().map(Object::toString).orElse(null));
        body.put("notAfter", version.notAfter().map(Object::toString).orElse(null));
        return body;
    }

    static Response refusal(Decision.Refused<?> refused) {
        return switch (refused.reason()) {
            case UNKNOWN_KEY -> Problems.problem(404, "unknown-key", "Unknown key", refused.message())
                    .with("reason", refused.reason().name()).build();
            case OVERLAP_OUT_OF_RANGE -> Problems.problem(400, "invalid-request", "Overlap out of range",
                    refused.message()).with("field", "overlap").with("reason", refused.reason().name()).build();
            default -> Problems.problem(409, "key-operation-refused", "Key operation refused", refused.message())
                    .with("reason", refused.reason().name()).build();
        };
    }

    private static Response invalid(String field, String detail) {
        return Problems.problem(400, "invalid-request", "Invalid " + field, detail).with("field", field).build();
    }

    static Response notAllowed(String detail) {
        return Problems.problem(403, "caller-not-allowed", "Caller not allowed", detail).build();
    }
}
