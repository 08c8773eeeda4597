package org.caisse.paymentpage.adapter.in.web;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.caisse.paymentpage.application.BrandingService;
import org.caisse.paymentpage.application.port.out.BrandingStore.Asset;

/**
 * A merchant's logo, colour theme and stylesheets for the browser. The URL carries the content hash
 * ({@code ?v=}): a request naming the current hash may be cached for a year ({@code immutable}); any other is
 * served uncached, so a stale link never pins an old version. Content types are set here, never guessed
 * ({@code nosniff} is on every response).
 */
@Path("/branding/{merchantId}")
public class BrandingAssetsResource {

    private static final String LONG_CACHE = "public, max-age=31536000, immutable";

    private final BrandingService branding;

    public BrandingAssetsResource(BrandingService branding) {
        this.branding = branding;
    }

    @GET
    @Path("/logo")
    public Uni<Response> logo(@PathParam("merchantId") String merchantId, @QueryParam("v") String version,
                              HttpHeaders headers) {
        return branding.logo(merchantId).map(asset -> served(asset, version, headers));
    }

    @GET
    @Path("/theme.css")
    public Uni<Response> theme(@PathParam("merchantId") String merchantId, @QueryParam("v") String version,
                               HttpHeaders headers) {
        return branding.theme(merchantId).map(asset -> served(asset, version, headers));
    }

    @GET
    @Path("/css/{name}")
    public Uni<Response> stylesheet(@PathParam("merchantId") String merchantId, @PathParam("name") String name,
                                    @QueryParam("v") String version, HttpHeaders headers) {
        return branding.stylesheet(merchantId, name).map(asset -> served(asset, version, headers));
    }

    private static Response served(Optional<Asset> found, String version, HttpHeaders headers) {
        if (found.isEmpty()) {
            return PageRenderer.notice(404, Views.NoticeKind.NOT_FOUND,
                    PageLocales.pick(headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE)));
        }
        Asset asset = found.get();
        String type = asset.contentType().startsWith("text/") ? asset.contentType() + ";charset=UTF-8" : asset.contentType();
        return Response.ok(asset.content())
                .header(HttpHeaders.CONTENT_TYPE, type)
                .header(HttpHeaders.ETAG, "\"" + asset.hash() + "\"")
                .header(HttpHeaders.CACHE_CONTROL, asset.hash().equals(version) ? LONG_CACHE : "no-cache")
                // an asset is never a document: even opened directly it may run and load nothing
                .header(SecurityHeaders.CSP, "default-src 'none'; frame-ancestors 'none'; sandbox")
                .build();
    }
}
