package org.caisse.paymentpage.domain;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/** The origin ({@code scheme://host[:port]}) of an http(s) URL, safe to put in a header. */
public final class UrlOrigins {

    private UrlOrigins() {
    }

    public static Optional<String> of(String url) {
        if (url == null) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            String host = uri.getHost();
            if (!(scheme.equals("http") || scheme.equals("https")) || host == null
                    || !host.matches("[A-Za-z0-9.\\-\\[\\]:]+")) {
                return Optional.empty();
            }
            return Optional.of(scheme + "://" + host.toLowerCase(Locale.ROOT) + (uri.getPort() >= 0 ? ":" + uri.getPort() : ""));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }
}
