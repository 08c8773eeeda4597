package org.caisse.keymanagement.adapter.in.site;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Optional;
import java.util.function.Function;
import org.caisse.keymanagement.application.site.KeyDownload;
import org.caisse.keymanagement.application.site.KeySiteActions;
import org.caisse.keymanagement.application.site.SiteActionResult;
import org.caisse.keymanagement.config.KeySiteConfig;
import org.caisse.keymanagement.domain.InvalidKeyIdentifierException;
import org.caisse.keymanagement.domain.KeyEnvironment;
import org.caisse.keymanagement.domain.KeyVersion;
import org.caisse.keymanagement.domain.MerchantId;
import org.caisse.keymanagement.domain.MerchantKeyId;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The merchant's page: its keys and the actions on them. A merchant user sees only the merchant of its
 * {@code merchantId} claim (role {@code keys.read} or {@code merchant-admin}); changes need {@code merchant-admin}.
 * Every POST carries the page's CSRF token.
 */
@Path("/site")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class MerchantSiteResource {

    private final SiteSession session;
    private final SitePages pages;
    private final KeySiteActions actions;
    private final KeySiteConfig config;
    private final Template merchant;

    public MerchantSiteResource(SiteSession session, SitePages pages, KeySiteActions actions, KeySiteConfig config,
                                @Location("site/merchant.html") Template merchant) {
        this.session = session;
        this.pages = pages;
        this.actions = actions;
        this.config = config;
        this.merchant = merchant;
    }

    @GET
    @Operation(hidden = true)
    public Uni<Response> page(@QueryParam("notice") String notice, @QueryParam("ref") String reference) {
        if (!session.isMerchantReader()) {
            if (session.isCustodian()) {
                return Uni.createFrom().item(Response.seeOther(URI.create("/site/custodian")).build());
            }
            return session.merchantId().isEmpty()
                    ? pages.message(403, session, "forbidden_heading", "no_merchant_text")
                    : pages.forbidden(session);
        }
        MerchantId merchantId = session.merchantId().orElseThrow();
        return actions.merchantKeys(merchantId).flatMap(keys -> pages.render(200, merchant.instance()
                        .data("merchantId", merchantId.value())
                        .data("shopName", config.shopNames().get(merchantId.value()))
                        .data("keyVersions", keys.keyVersions().stream().map(KeyVersionRow::of).toList())
                        .data("cseKeys", keys.cseKeys().stream().map(CseKeyRow::of).toList())
                        .data("canChange", session.isMerchantAdmin())
                        .data("environments", EnvironmentOption.all()),
                pages.frame(session, "/site", SiteNotice.fromQuery(notice, reference))));
    }

    @POST
    @Path("keys")
    @Operation(hidden = true)
    public Uni<Response> requestKey(@FormParam(CsrfTokens.FIELD) String csrf,
                                    @FormParam("environment") String environment) {
        return asAdmin(csrf, merchantId -> parseEnvironment(environment)
                .map(env -> actions.requestKeyGeneration(session.actor(), merchantId, env).map(this::backToPage))
                .orElseGet(MerchantSiteResource::invalidInput));
    }

    @POST
    @Path("keys/{version}/activate")
    @Operation(hidden = true)
    public Uni<Response> activate(@FormParam(CsrfTokens.FIELD) String csrf, @PathParam("version") String version) {
        return asAdmin(csrf, merchantId -> keyOf(merchantId, version)
                .map(key -> actions.activate(session.actor(), key).map(this::backToPage))
                .orElseGet(MerchantSiteResource::invalidInput));
    }

    @POST
    @Path("keys/{version}/deactivate")
    @Operation(hidden = true)
    public Uni<Response> deactivate(@FormParam(CsrfTokens.FIELD) String csrf, @PathParam("version") String version) {
        return asAdmin(csrf, merchantId -> keyOf(merchantId, version)
                .map(key -> actions.deactivate(session.actor(), key).map(this::backToPage))
                .orElseGet(MerchantSiteResource::invalidInput));
    }

    /** The secret as a file the first time; a POST so that neither a link nor a prefetch can spend the download. */
    @POST
    @Path("keys/{version}/download")
    @Operation(hidden = true)
    @Produces({MediaType.TEXT_HTML, MediaType.APPLICATION_OCTET_STREAM, MediaType.TEXT_PLAIN})
    public Uni<Response> download(@FormParam(CsrfTokens.FIELD) String csrf, @PathParam("version") String version) {
        return asAdmin(csrf, merchantId -> keyOf(merchantId, version)
                .map(key -> actions.downloadOnce(session.actor(), key).map(this::downloadResponse))
                .orElseGet(MerchantSiteResource::invalidInput));
    }

    @POST
    @Path("cse-keys")
    @Operation(hidden = true)
    public Uni<Response> generateCseKey(@FormParam(CsrfTokens.FIELD) String csrf) {
        return asAdmin(csrf, merchantId -> actions.generateCseKey(session.actor(), merchantId).map(this::backToPage));
    }

    private Uni<Response> asAdmin(String csrf, Function<MerchantId, Uni<Response>> action) {
        if (!session.csrfValid(csrf)) {
            return pages.csrfRefused(session);
        }
        if (!session.isMerchantAdmin()) {
            return pages.forbidden(session);
        }
        return action.apply(session.merchantId().orElseThrow());
    }

    private Response downloadResponse(KeyDownload download) {
        if (download instanceof KeyDownload.File file) {
            return SitePages.withHeaders(Response.ok(file.content()).type(file.contentType())
                    .header("Content-Disposition", "attachment; filename=\"" + file.fileName() + "\"")).build();
        }
        return backToPage(((KeyDownload.NoFile) download).reason());
    }

    private Response backToPage(SiteActionResult result) {
        boolean success = result.outcome() == SiteActionResult.Outcome.DONE;
        return SitePages.redirect("/site", SiteNotice.knownKey(result.messageKey(), success), result.reference());
    }

    private static Uni<Response> invalidInput() {
        return Uni.createFrom().item(SitePages.redirect("/site", "notice_invalid_input", ""));
    }

    private static Optional<MerchantKeyId> keyOf(MerchantId merchantId, String version) {
        try {
            return Optional.of(new MerchantKeyId(merchantId, KeyVersion.parse(version)));
        } catch (InvalidKeyIdentifierException e) {
            return Optional.empty();
        }
    }

    private static Optional<KeyEnvironment> parseEnvironment(String environment) {
        for (KeyEnvironment candidate : KeyEnvironment.values()) {
            if (candidate.name().equals(environment)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
