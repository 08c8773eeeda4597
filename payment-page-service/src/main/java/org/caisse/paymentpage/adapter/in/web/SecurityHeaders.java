package org.caisse.paymentpage.adapter.in.web;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Optional;
import org.caisse.paymentpage.config.PageProtectionConfig;

/**
 * Security headers on every response: a strict CSP (pages that post to the merchant set their own with
 * the merchant's origin in {@code form-action} and its {@code frame-ancestors}), no sniffing, no referrer, no
 * caching (but for content-addressed assets), HSTS ({@code caisse.page.hsts}, empty: none).
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
        return policy(returnOrigin, scriptNonce, List.of());
    }

    /**
     * As above; a payment's pages may also be framed by the merchant's {@code frameAncestors} (https origins from
     * its settings), none given meaning {@code 'none'}.
     */
    public static String policy(String returnOrigin, String scriptNonce, List<String> frameAncestors) {
        return "default-src 'none'; "
                + (scriptNonce == null ? "" : "script-src 'nonce-" + scriptNonce + "'; ")
                + "style-src 'self'; img-src 'self' data:; form-action "
                + (returnOrigin == null ? "" : returnOrigin + " ")
                + "'self'; frame-ancestors "
                + (frameAncestors == null || frameAncestors.isEmpty() ? "'none'" : String.join(" ", frameAncestors))
                + "; base-uri 'none'";
    }

    private final Optional<String> hsts;

    public SecurityHeaders(PageProtectionConfig config) {
        this.hsts = config.hsts().map(String::strip).filter(v -> !v.isEmpty());
    }

    // No X-Frame-Options: its DENY would contradict a merchant's frame-ancestors, which every browser honours.
    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(rc -> {
            rc.addHeadersEndHandler(v -> {
                var headers = rc.response().headers();
                if (!headers.contains(CSP)) {
                    headers.set(CSP, policy(null));
                }
                headers.set("X-Content-Type-Options", "nosniff");
                headers.set("Referrer-Policy", "no-referrer");
                if (!headers.contains("Cache-Control")) {
                    // only the content-addressed branding assets set their own (long) caching
                    headers.set("Cache-Control", "no-store");
                }
                hsts.ifPresent(value -> headers.set("Strict-Transport-Security", value));
            });
            rc.next();
        });
    }
}
