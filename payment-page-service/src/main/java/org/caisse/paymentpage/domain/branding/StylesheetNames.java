package org.caisse.paymentpage.domain.branding;

import java.util.regex.Pattern;

/**
 * Names of merchant stylesheets, which the Sips request field {@code templateName} chooses: a letter or digit
 * then letters, digits, dot, dash or underscore, 64 characters at most (e.g. {@code customCSS.css}). The name
 * goes into a URL path, so nothing else is allowed.
 */
public final class StylesheetNames {

    public static final int MAX_LENGTH = 64;
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private StylesheetNames() {
    }

    public static boolean isValid(String name) {
        return name != null && NAME.matcher(name).matches();
    }

    /** @throws BrandingRefused naming {@code field} */
    public static String require(String name, String field) {
        if (!isValid(name)) {
            throw new BrandingRefused(field, "invalid-name",
                    field + " must be 1 to 64 letters, digits, '.', '-' or '_', starting with a letter or digit");
        }
        return name;
    }
}
