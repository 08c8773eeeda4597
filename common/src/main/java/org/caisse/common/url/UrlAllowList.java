package org.caisse.common.url;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Origins a merchant may use for return and notification URLs. A pattern is {@code scheme://host[:port]} with
 * {@code *} as port meaning any port (no port = the scheme's default port). A URL is allowed when it is absolute
 * {@code http}/{@code https}, has no user-info, and its scheme, host (case-insensitive) and port match a pattern.
 */
public final class UrlAllowList {

    private record Origin(String scheme, String host, int port) {
        static final int ANY_PORT = -2;

        boolean matches(Origin url) {
            return scheme.equals(url.scheme) && host.equals(url.host) && (port == ANY_PORT || port == url.port);
        }
    }

    private final List<Origin> origins;
    private final List<String> patterns;

    private UrlAllowList(List<Origin> origins, List<String> patterns) {
        this.origins = origins;
        this.patterns = patterns;
    }

    /**
     * @throws IllegalArgumentException for a pattern that is not {@code http(s)://host[:port|:*]}
     */
    public static UrlAllowList of(List<String> patterns) {
        List<Origin> origins = new ArrayList<>();
        for (String pattern : Objects.requireNonNull(patterns, "patterns")) {
            origins.add(parsePattern(pattern));
        }
        return new UrlAllowList(List.copyOf(origins), List.copyOf(patterns));
    }

    /** The patterns as given. */
    public List<String> patterns() {
        return patterns;
    }

    /** Whether the URL may be used. Never throws: anything unparsable is refused. */
    public boolean allows(String url) {
        Origin origin = parseUrl(url);
        if (origin == null) {
            return false;
        }
        for (Origin allowed : origins) {
            if (allowed.matches(origin)) {
                return true;
            }
        }
        return false;
    }

    private static Origin parseUrl(String url) {
        if (url == null || url.isEmpty() || url.length() > 2048) {
            return null;
        }
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            if (c <= 0x20 || c == 0x7f || c == '\\') {
                return null;
            }
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return null;
        }
        if (!uri.isAbsolute() || uri.isOpaque() || uri.getRawUserInfo() != null || uri.getHost() == null) {
            return null;
        }
        String authority = uri.getRawAuthority();
        if (authority == null || authority.indexOf('@') >= 0) {
            return null;
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return null;
        }
        int port = uri.getPort() == -1 ? defaultPort(scheme) : uri.getPort();
        return new Origin(scheme, uri.getHost().toLowerCase(Locale.ROOT), port);
    }

    private static Origin parsePattern(String pattern) {
        if (pattern == null) {
            throw new IllegalArgumentException("Null URL pattern");
        }
        boolean anyPort = pattern.endsWith(":*");
        String base = anyPort ? pattern.substring(0, pattern.length() - 2) : pattern;
        if (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        Origin origin = parseUrl(base);
        if (origin == null || !base.equalsIgnoreCase(originText(base))) {
            throw new IllegalArgumentException("Not an origin pattern (scheme://host[:port]): " + pattern);
        }
        if (anyPort && base.lastIndexOf(':') > base.indexOf("://") + 2 && !base.endsWith("]")) {
            throw new IllegalArgumentException("Port given twice in pattern: " + pattern);
        }
        return anyPort ? new Origin(origin.scheme(), origin.host(), Origin.ANY_PORT) : origin;
    }

    private static String originText(String url) {
        try {
            URI uri = new URI(url);
            return uri.getScheme() + "://" + uri.getRawAuthority();
        } catch (URISyntaxException e) {
            return "";
        }
    }

    private static int defaultPort(String scheme) {
        return scheme.equals("https") ? 443 : 80;
    }

    @Override
    public String toString() {
        return "UrlAllowList" + patterns;
    }
}
