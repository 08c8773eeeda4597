package org.caisse.paymentpage.adapter.in.web;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Security headers on every response: a strict CSP (pages that post to the merchant set their own with
 * the merchant's origin in {@code form-action}), no sniffing, no referrer, no caching.
 */
@ApplicationScoped
public class SecurityHeaders {

    public static final String CSP = "Content-Security-Policy";

    /** The page policy; {@code returnOrigin} (may be null) is added to {@code form-action}. */
    public static String policy(String returnOrigin) {
        return policy(returnOrigin, null);
    }

    /**
     * The page policy; {@code returnOrigin} (may be null) is added to {@code form-action}, and a page given a
     * {@code scriptNonce} (may be null: no script at all) may run only the scripts carrying that nonce.
     */
    public static String policy(String returnOrigin, String scriptNonce) {
        return "default-src 'none'; "
                + (scriptNonce == null ? "" : "script-src 'nonce-" + scriptNonce + "'; ")
                + "style-src 'self'; img-src 'self' data:; form-action "
                + (returnOrigin == null ? "" : returnOrigin + " ")
                + "'self'; frame-ancestors 'none'; base-uri 'none'";
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(rc -> {
            rc.addHeadersEndHandler(v -> {
                var headers = rc.response().headers();
                if (!headers.contains(CSP)) {
                    headers.set(CSP, policy(null));
                }
                headers.set("X-Content-Type-Options", "nosniff");
                headers.set("Referrer-Policy", "no-referrer");
                headers.set("Cache-Control", "no-store");
            });
            rc.next();
        });
    }
}
