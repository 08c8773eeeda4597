package org.caisse.keymanagement.adapter.in.site;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.regex.Pattern;
import org.caisse.keymanagement.config.KeySiteConfig;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Language and contrast chosen in the page, kept in cookies for a year. */
@Path("/site/preferences")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class SitePreferencesResource {

    private static final int ONE_YEAR = 365 * 24 * 3600;
    /** Only a path of this site, so the form cannot be turned into an open redirect. */
    private static final Pattern RETURN_PATH = Pattern.compile("/site(/[A-Za-z0-9/_-]*)?(\\?merchantId=[0-9]{15})?");

    private final SiteSession session;
    private final SitePages pages;
    private final KeySiteConfig config;

    public SitePreferencesResource(SiteSession session, SitePages pages, KeySiteConfig config) {
        this.session = session;
        this.pages = pages;
        this.config = config;
    }

    @POST
    @Operation(hidden = true)
    public Uni<Response> save(@FormParam(CsrfTokens.FIELD) String csrf, @FormParam("language") String language,
                              @FormParam("contrast") String contrast, @FormParam("returnPath") String returnPath) {
        if (!session.csrfValid(csrf)) {
            return pages.csrfRefused(session);
        }
        String target = returnPath != null && RETURN_PATH.matcher(returnPath).matches() ? returnPath : "/site";
        Response.ResponseBuilder answer = Response.seeOther(URI.create(target));
        SiteLanguage.fromTag(language).ifPresent(chosen -> answer.cookie(cookie(SiteLanguage.COOKIE, chosen.code())));
        if ("high".equals(contrast) || "normal".equals(contrast)) {
            answer.cookie(cookie(SiteSession.CONTRAST_COOKIE, contrast));
        }
        return Uni.createFrom().item(answer.build());
    }

    private NewCookie cookie(String name, String value) {
        return new NewCookie.Builder(name).value(value).path("/site").maxAge(ONE_YEAR).httpOnly(true)
                .secure(config.secureCookies()).sameSite(NewCookie.SameSite.LAX).build();
    }
}
