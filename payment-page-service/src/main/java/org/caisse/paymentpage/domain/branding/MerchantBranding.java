package org.caisse.paymentpage.domain.branding;

import java.util.Map;
import java.util.Optional;

/**
 * What a merchant has set for its page. {@code colours}, {@code defaultTemplate} and the logo may be absent;
 * {@code stylesheets} maps each uploaded stylesheet's name to the hash of its content.
 */
public record MerchantBranding(String merchantId, BrandingColours colours, BrandingTexts texts,
                               String defaultTemplate, Logo logo, Map<String, String> stylesheets) {

    /** The stored logo's type and content hash (not its bytes). */
    public record Logo(String contentType, String hash) {
    }

    public MerchantBranding {
        texts = texts == null ? BrandingTexts.NONE : texts;
        stylesheets = Map.copyOf(stylesheets);
    }

    public static MerchantBranding none(String merchantId) {
        return new MerchantBranding(merchantId, null, BrandingTexts.NONE, null, null, Map.of());
    }

    public Optional<String> themeHash() {
        return colours == null ? Optional.empty() : Optional.of(ContentHashes.of(ThemeStylesheet.of(colours)));
    }

    /**
     * The stylesheet a payment shows: the request's {@code templateName} when the merchant has uploaded it, else
     * the merchant's default template, else none (an unknown name never fails a payment).
     */
    public Optional<String> templateFor(String requestedName) {
        if (requestedName != null && stylesheets.containsKey(requestedName)) {
            return Optional.of(requestedName);
        }
        if (defaultTemplate != null && stylesheets.containsKey(defaultTemplate)) {
            return Optional.of(defaultTemplate);
        }
        return Optional.empty();
    }
}
