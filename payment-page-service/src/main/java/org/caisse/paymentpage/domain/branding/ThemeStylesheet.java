package org.caisse.paymentpage.domain.branding;

/**
 * The stylesheet that applies a merchant's colours to the page through the custom properties of our own
 * stylesheet. Served as a file: the page's CSP allows no inline style.
 */
public final class ThemeStylesheet {

    private ThemeStylesheet() {
    }

    public static String of(BrandingColours colours) {
        return ":root {\n"
                + "  --accent: " + colours.primary().hex() + ";\n"
                + "  --accent-ink: " + colours.onPrimary().hex() + ";\n"
                + "  --ink: " + colours.text().hex() + ";\n"
                + "  --page-bg: " + colours.background().hex() + ";\n"
                + "}\n";
    }
}
