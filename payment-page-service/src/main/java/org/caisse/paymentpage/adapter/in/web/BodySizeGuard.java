package org.caisse.paymentpage.adapter.in.web;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The HTTP body limit is sized for the largest upload (a merchant logo through the internal branding API); every
 * other request keeps the page's 64 KiB limit, refused with 413 before anything reads it when its
 * {@code Content-Length} says more.
 */
@ApplicationScoped
public class BodySizeGuard {

    static final long PAGE_LIMIT = 64 * 1024;
    private static final String LOGO_UPLOAD = "/internal/v1/merchants/[0-9]{1,15}/branding/logo";

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 1).handler(rc -> {
            String length = rc.request().getHeader("Content-Length");
            if (length != null && !rc.normalizedPath().matches(LOGO_UPLOAD) && tooLong(length)) {
                var locale = PageLocales.pick(rc.request().getHeader("Accept-Language"));
                String page = Pages.notice(new Views.NoticeView(locale.getLanguage(), Views.NoticeKind.BAD_REQUEST))
                        .setLocale(locale).render();
                rc.response().setStatusCode(413).putHeader("Content-Type", PageRenderer.HTML.toString())
                        .putHeader(SecurityHeaders.CSP, SecurityHeaders.policy(null))
                        .putHeader("Connection", "close").end(page);
                return;
            }
            rc.next();
        });
    }

    private static boolean tooLong(String length) {
        try {
            return Long.parseLong(length.strip()) > PAGE_LIMIT;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
