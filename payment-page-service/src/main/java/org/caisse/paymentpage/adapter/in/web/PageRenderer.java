package org.caisse.paymentpage.adapter.in.web;

import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Locale;
import org.caisse.paymentpage.domain.UrlOrigins;

/** Renders a page in a language with its CSP. */
final class PageRenderer {

    static final MediaType HTML = MediaType.valueOf("text/html;charset=UTF-8");

    private PageRenderer() {
    }

    /**
     * @param returnUrl the merchant URL the page may post to (its origin joins {@code form-action}), or null
     */
    static Response render(int status, TemplateInstance page, Locale locale, String returnUrl) {
        return render(status, page, locale, returnUrl, null);
    }

    /** @param scriptNonce the nonce of the page's own scripts (null: the page runs no script) */
    static Response render(int status, TemplateInstance page, Locale locale, String returnUrl, String scriptNonce) {
        return render(status, page, locale, returnUrl, scriptNonce, PageBranding.NONE);
    }

    /**
     * A page of a payment: the layout shows the merchant's {@code branding}, whose frame ancestors join the
     * policy's {@code frame-ancestors}.
     */
    static Response render(int status, TemplateInstance page, Locale locale, String returnUrl, String scriptNonce,
                           PageBranding branding) {
        String html = page.data("branding", branding).setLocale(locale).render();
        String origin = UrlOrigins.of(returnUrl).orElse(null);
        return Response.status(status)
                .type(HTML)
                .header(SecurityHeaders.CSP, SecurityHeaders.policy(origin, scriptNonce, branding.frameAncestors()))
                .entity(html)
                .build();
    }

    static Response notice(int status, Views.NoticeKind kind, Locale locale) {
        return render(status, Pages.notice(new Views.NoticeView(locale.getLanguage(), kind)), locale, null);
    }
}
