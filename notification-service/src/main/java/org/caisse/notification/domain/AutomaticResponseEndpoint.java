package org.caisse.notification.domain;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * Where an automatic response may be POSTed: an absolute {@code http}/{@code https} URL (scheme in any case) with a
 * host and without user-info. Whether the merchant allowed that URL is checked at payment entry
 * (payment-page-service's allow-list); this rule is the last guard before sending, so that nothing is ever sent to
 * a URL that could not have been allowed.
 */
public final class AutomaticResponseEndpoint {

    public static final String NOT_HTTP = "automaticResponseUrl is not an absolute http(s) URL; not sent";
    public static final String USER_INFO = "automaticResponseUrl carries user-info; not sent";

    private AutomaticResponseEndpoint() {
    }

    /** Why the URL must not be used, or empty when it may be. Never repeats the URL (it may hold a password). */
    public static Optional<String> refusal(String url) {
        if (url == null || url.chars().anyMatch(c -> c <= 0x20 || c == 0x7f || c == '\\')) {
            return Optional.of(NOT_HTTP);
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.of(NOT_HTTP);
        }
        if (!uri.isAbsolute() || uri.isOpaque()) {
            return Optional.of(NOT_HTTP);
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return Optional.of(NOT_HTTP);
        }
        String authority = uri.getRawAuthority();
        if (uri.getRawUserInfo() != null || (authority != null && authority.indexOf('@') >= 0)) {
            return Optional.of(USER_INFO);
        }
        if (uri.getHost() == null) {
            return Optional.of(NOT_HTTP);
        }
        return Optional.empty();
    }
}
