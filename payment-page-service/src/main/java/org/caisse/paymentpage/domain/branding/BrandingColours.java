package org.caisse.paymentpage.domain.branding;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A merchant's three colours. The primary colour (buttons, links) and the text colour must each stand out from
 * the background by a WCAG contrast ratio of at least 4.5:1 (level AA for normal text), so a shopper can always
 * read the amount and find the Pay button.
 */
public record BrandingColours(Colour primary, Colour background, Colour text) {

    public static final double MINIMUM_CONTRAST = 4.5;

    public BrandingColours {
        requireContrast(primary, background, "colours.primary");
        requireContrast(text, background, "colours.text");
    }

    /** @throws BrandingRefused naming the bad member of {@code {primary, background, text}} */
    public static BrandingColours fromDocument(Map<String, ?> doc) {
        if (doc == null) {
            throw new BrandingRefused("colours", "invalid-colour", "colours must have primary, background and text");
        }
        return new BrandingColours(colour(doc, "primary"), colour(doc, "background"), colour(doc, "text"));
    }

    public Map<String, Object> toDocument() {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("primary", primary.hex());
        doc.put("background", background.hex());
        doc.put("text", text.hex());
        return doc;
    }

    /** The ink of text drawn on the primary colour (the Pay button): black or white, whichever contrasts more. */
    public Colour onPrimary() {
        return primary.contrastWith(Colour.WHITE) >= primary.contrastWith(Colour.BLACK) ? Colour.WHITE : Colour.BLACK;
    }

    private static Colour colour(Map<String, ?> doc, String key) {
        Object value = doc.get(key);
        return Colour.parse(value instanceof String s ? s : null, "colours." + key);
    }

    private static void requireContrast(Colour foreground, Colour background, String field) {
        double ratio = foreground.contrastWith(background);
        if (ratio < MINIMUM_CONTRAST) {
            throw new BrandingRefused(field, "insufficient-contrast", String.format(Locale.ROOT,
                    "%s %s on background %s has a contrast ratio of %.2f:1; at least %.1f:1 is required (WCAG AA)",
                    field, foreground.hex(), background.hex(), ratio, MINIMUM_CONTRAST));
        }
    }
}
