package org.caisse.paymentpage.adapter.in.rest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.caisse.common.identity.ServiceCallers;
import org.caisse.paymentpage.application.BrandingService;
import org.caisse.paymentpage.domain.branding.BrandingRefused;
import org.caisse.paymentpage.domain.branding.MerchantBranding;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The internal branding API (service JWT, role {@code service}, callers in {@code caisse.internal.branding-writers}):
 * colours, texts and default template as JSON, the logo as raw image bytes, stylesheets as {@code text/css}. Every
 * refusal is RFC 9457 problem JSON naming the field and the reason; nothing is stored on a refusal.
 */
@Path("/internal/v1/merchants/{merchantId}/branding")
@RolesAllowed("service")
@Tag(name = "Internal: merchant branding")
public class BrandingAdminResource {

    private static final Logger LOG = Logger.getLogger(BrandingAdminResource.class);
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final BrandingService branding;
    private final JsonWebToken jwt;
    private final Set<String> writers;

    public BrandingAdminResource(BrandingService branding, JsonWebToken jwt, BrandingWriters writers) {
        this.branding = branding;
        this.jwt = jwt;
        this.writers = Set.copyOf(writers.brandingWriters());
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The merchant's branding (colours, texts, default template, logo and stylesheet versions)")
    public Uni<Response> get(@PathParam("merchantId") String merchantId) {
        return guarded(() -> branding.get(merchantId).map(BrandingAdminResource::ok));
    }

    @PUT
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace colours, texts and default template: {colours:{primary,background,text}, texts:{lang:{header,footer}}, defaultTemplate}")
    public Uni<Response> put(@PathParam("merchantId") String merchantId, byte[] body) {
        return guarded(() -> {
            Map<String, Object> document;
            try {
                document = JSON.readValue(body == null ? new byte[0] : body, new TypeReference<>() {
                });
            } catch (IOException e) {
                throw new BrandingRefused("body", "invalid-body", "the body must be one JSON object");
            }
            return branding.putSettings(merchantId, document).map(BrandingAdminResource::ok);
        });
    }

    @PUT
    @Path("/logo")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace the logo: the raw bytes of a PNG, JPEG or WebP image of at most 200 KiB")
    public Uni<Response> putLogo(@PathParam("merchantId") String merchantId, byte[] body) {
        return guarded(() -> branding.putLogo(merchantId, body).map(BrandingAdminResource::ok));
    }

    @PUT
    @Path("/stylesheets/{name}")
    @Consumes("text/css")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create or replace a stylesheet (UTF-8 text/css, at most 64 KiB), which templateName chooses")
    public Uni<Response> putStylesheet(@PathParam("merchantId") String merchantId, @PathParam("name") String name,
                                       byte[] body) {
        return guarded(() -> branding.putStylesheet(merchantId, name, utf8(body)).map(BrandingAdminResource::ok));
    }

    @DELETE
    @Path("/stylesheets/{name}")
    @Operation(summary = "Delete a stylesheet (it stops being the default template)")
    public Uni<Response> deleteStylesheet(@PathParam("merchantId") String merchantId, @PathParam("name") String name) {
        return guarded(() -> branding.deleteStylesheet(merchantId, name).map(deleted -> deleted
                ? Response.noContent().build()
                : Problems.of(404, "not-found", "Not found", "no stylesheet of that name", "name")));
    }

    private Uni<Response> guarded(Supplier<Uni<Response>> action) {
        if (!ServiceCallers.isAllowed(jwt.getRawToken(), jwt.getSubject(), writers)) {
            LOG.warnf("Branding call refused to caller %s (kid must equal sub)", jwt.getSubject());
            return Uni.createFrom().item(Problems.of(403, "caller-not-allowed", "Forbidden",
                    "this service may not manage merchant branding", null));
        }
        try {
            return action.get().onFailure(BrandingRefused.class).recoverWithItem(e -> refused((BrandingRefused) e));
        } catch (BrandingRefused e) {
            return Uni.createFrom().item(refused(e));
        }
    }

    private static Response refused(BrandingRefused e) {
        return Problems.of(400, e.reason(), "Branding refused", e.getMessage(), e.field());
    }

    private static String utf8(byte[] body) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body == null ? new byte[0] : body)).toString();
        } catch (CharacterCodingException e) {
            throw new BrandingRefused("stylesheet", "css-encoding", "the stylesheet must be UTF-8 text");
        }
    }

    private static Response ok(MerchantBranding b) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("merchantId", b.merchantId());
        body.put("colours", b.colours() == null ? null : b.colours().toDocument());
        body.put("texts", b.texts().toDocument());
        body.put("defaultTemplate", b.defaultTemplate());
        body.put("logo", b.logo() == null ? null : Map.of("contentType", b.logo().contentType(),
                "hash", b.logo().hash(), "url", BrandingUrls.logo(b.merchantId(), b.logo().hash())));
        body.put("theme", b.themeHash().map(h -> BrandingUrls.theme(b.merchantId(), h)).orElse(null));
        List<Map<String, String>> sheets = b.stylesheets().entrySet().stream()
                .map(e -> Map.of("name", e.getKey(), "hash", e.getValue(),
                        "url", BrandingUrls.stylesheet(b.merchantId(), e.getKey(), e.getValue())))
                .toList();
        body.put("stylesheets", sheets);
        return Response.ok(body, MediaType.APPLICATION_JSON_TYPE).build();
    }

    // Class-local mappers: this API answers problems, never the HTML pages of the shopper's side.

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e) {
        return Problems.of(401, "unauthorized", "Unauthorized", "a valid service token is required", null);
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e) {
        return Problems.of(401, "unauthorized", "Unauthorized", "a valid service token is required", null);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return Problems.of(403, "caller-not-allowed", "Forbidden", "this service may not manage merchant branding", null);
    }

    @ServerExceptionMapper
    public Response refusedMapper(BrandingRefused e) {
        return refused(e);
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        Response.StatusType type = Response.Status.fromStatusCode(status);
        String title = type == null ? "HTTP " + status : type.getReasonPhrase();
        return Problems.of(status, "http-" + status, title, title, null);
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        LOG.error("Unexpected error in the branding API", e);
        return Problems.of(500, "internal-error", "Internal error", "the request could not be completed", null);
    }
}
