package org.caisse.keymanagement.adapter.in.site;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Where the identity provider sends the browser after sign-out; public (there is nobody signed in any more). */
@Path("/site/signed-out")
@Produces(MediaType.TEXT_HTML)
public class SignedOutResource {

    private final Template signedOut;
    private final RoutingContext request;

    public SignedOutResource(@Location("site/signed-out.html") Template signedOut, RoutingContext request) {
        this.signedOut = signedOut;
        this.request = request;
    }

    @GET
    @Operation(hidden = true)
    public Uni<Response> page() {
        Cookie languageCookie = request.request().getCookie(SiteLanguage.COOKIE);
        Cookie contrastCookie = request.request().getCookie(SiteSession.CONTRAST_COOKIE);
        SiteLanguage language = SiteLanguage.resolve(languageCookie == null ? null : languageCookie.getValue(), null);
        boolean highContrast = contrastCookie != null && "high".equals(contrastCookie.getValue());
        return signedOut.data("lang", language.code()).data("highContrast", highContrast)
                .setLocale(language.code()).createUni()
                .map(html -> SitePages.withHeaders(Response.ok(html).type(SitePages.HTML)).build());
    }
}
