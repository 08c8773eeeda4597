package org.caisse.paymentpage.domain.branding;

import java.util.Locale;
import java.util.regex.Pattern;

/** An opaque sRGB colour written {@code #RRGGBB}, with its WCAG 2 relative luminance. */
public record Colour(int rgb) {

    private static final Pattern HEX = Pattern.compile("#[0-9A-Fa-f]{6}");

    public static final Colour WHITE = new Colour(0xFFFFFF);
    public static final Colour BLACK = new Colour(0x000000);

    public Colour {
        if (rgb < 0 || rgb > 0xFFFFFF) {
            throw new IllegalArgumentException("rgb");
        }
    }

    /** @throws BrandingRefused naming {@code field} unless the value is {@code #RRGGBB} */
    public static Colour parse(String value, String field) {
        if (value == null || !HEX.matcher(value).matches()) {
            throw new BrandingRefused(field, "invalid-colour", field + " must be a colour written #RRGGBB");
        }
        return new Colour(Integer.parseInt(value.substring(1), 16));
    }

    public String hex() {
        return String.format(Locale.ROOT, "#%06x", rgb);
    }

    /** WCAG 2.x relative luminance (sRGB channels linearised). */
    public double relativeLuminance() {
        return 0.2126 * linear((rgb >> 16) & 0xFF) + 0.7152 * linear((rgb >> 8) & 0xFF) + 0.0722 * linear(rgb & 0xFF);
    }

    /** WCAG 2.x contrast ratio, from 1 (same luminance) to 21 (black on white). */
    public double contrastWith(Colour other) {
        double a = relativeLuminance();
        double b = other.relativeLuminance();
        return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    }

    private static double linear(int channel) {
        double c = channel / 255.0;
        return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }
}
