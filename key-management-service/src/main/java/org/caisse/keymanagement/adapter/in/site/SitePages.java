package org.caisse.keymanagement.adapter.in.site;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/** Renders the site's Qute pages with the headers every page carries. */
@ApplicationScoped
public class SitePages {

    static final String HTML = "text/html;charset=UTF-8";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final Template message;

    public SitePages(@Location("site/message.html") Template message) {
        this.message = message;
    }

    public static String when(Instant instant) {
        return WHEN.format(instant);
    }

    public static String when(Optional<Instant> instant) {
        return instant.map(SitePages::when).orElse("–");
    }

    public SiteFrame frame(SiteSession session, String returnPath, SiteNotice notice) {
        return new SiteFrame(session.language().code(), SiteLanguage.all(), session.highContrast(),
                session.username(), session.isCustodian(), session.isMerchantReader(), CsrfTokens.FIELD,
                session.csrfToken(), returnPath, notice);
    }

    public Uni<Response> render(int status, TemplateInstance page, SiteFrame frame) {
        return page.data("frame", frame).setLocale(frame.lang()).createUni().map(html -> withHeaders(
                Response.status(status).entity(html).type(HTML)).build());
    }

    /** A page with a heading and one sentence (refusals). */
    public Uni<Response> message(int status, SiteSession session, String headingKey, String textKey) {
        return render(status, message.data("headingKey", headingKey).data("textKey", textKey),
                frame(session, "/site", null));
    }

    public Uni<Response> forbidden(SiteSession session) {
        return message(403, session, "forbidden_heading", "forbidden_text");
    }

    public Uni<Response> csrfRefused(SiteSession session) {
        return message(403, session, "forbidden_heading", "csrf_refused_text");
    }

    /** Post/Redirect/Get: back to {@code path} with a notice the page shows. */
    public static Response redirect(String path, String noticeKey, String reference) {
        StringBuilder target = new StringBuilder(path).append(path.contains("?") ? '&' : '?')
                .append("notice=").append(URLEncoder.encode(noticeKey, StandardCharsets.UTF_8));
        if (reference != null && !reference.isEmpty()) {
            target.append("&ref=").append(URLEncoder.encode(reference, StandardCharsets.UTF_8));
        }
        return Response.seeOther(URI.create(target.toString())).build();
    }

    static Response.ResponseBuilder withHeaders(Response.ResponseBuilder builder) {
        return builder.header("Cache-Control", "no-store")
                .header("Content-Security-Policy",
                        "default-src 'self'; base-uri 'none'; object-src 'none'; frame-ancestors 'none'")
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "no-referrer");
    }
}
