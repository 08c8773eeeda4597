package org.caisse.paymentpage.domain.branding;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * A merchant's own texts on the page, per language of the page: a header line and a footer line. Plain text only
 * (the page escapes it), bounded, without control characters.
 */
public record BrandingTexts(Map<String, PageTexts> byLanguage) {

    public static final Set<String> LANGUAGES = Set.of("fr", "en", "de", "es", "it", "nl");
    public static final int MAX_HEADER = 120;
    public static final int MAX_FOOTER = 300;
    public static final BrandingTexts NONE = new BrandingTexts(Map.of());

    /** The texts of one language; either may be null. */
    public record PageTexts(String header, String footer) {
    }

    public BrandingTexts {
        byLanguage = Map.copyOf(byLanguage);
    }

    public Optional<PageTexts> in(String language) {
        return Optional.ofNullable(byLanguage.get(language));
    }

    /** @throws BrandingRefused naming e.g. {@code texts.de.footer} */
    public static BrandingTexts fromDocument(Map<String, ?> doc) {
        if (doc == null) {
            return NONE;
        }
        Map<String, PageTexts> texts = new TreeMap<>();
        for (var entry : doc.entrySet()) {
            String lang = entry.getKey();
            if (!LANGUAGES.contains(lang)) {
                throw new BrandingRefused("texts." + lang, "unknown-language",
                        "texts are given per page language: one of fr, en, de, es, it, nl");
            }
            if (!(entry.getValue() instanceof Map<?, ?> one)) {
                throw new BrandingRefused("texts." + lang, "invalid-text", "texts." + lang + " must be an object");
            }
            for (Object key : one.keySet()) {
                if (!"header".equals(key) && !"footer".equals(key)) {
                    throw new BrandingRefused("texts." + lang + "." + key, "invalid-text",
                            "only header and footer texts exist");
                }
            }
            texts.put(lang, new PageTexts(text(one.get("header"), "texts." + lang + ".header", MAX_HEADER),
                    text(one.get("footer"), "texts." + lang + ".footer", MAX_FOOTER)));
        }
        return new BrandingTexts(texts);
    }

    public Map<String, Object> toDocument() {
        Map<String, Object> doc = new TreeMap<>();
        byLanguage.forEach((lang, texts) -> {
            Map<String, Object> one = new LinkedHashMap<>();
            if (texts.header() != null) {
                one.put("header", texts.header());
            }
            if (texts.footer() != null) {
                one.put("footer", texts.footer());
            }
            doc.put(lang, one);
        });
        return doc;
    }

    private static String text(Object value, String field, int max) {
        if (value == null) {
            return null;
        }
        if (!(value instanceof String s)) {
            throw new BrandingRefused(field, "invalid-text", field + " must be a string");
        }
        String text = s.strip();
        if (text.isEmpty()) {
            return null;
        }
        if (text.codePointCount(0, text.length()) > max) {
            throw new BrandingRefused(field, "text-too-long", field + " is longer than " + max + " characters");
        }
        if (text.codePoints().anyMatch(Character::isISOControl)) {
            throw new BrandingRefused(field, "invalid-text", field + " must be plain text without control characters");
        }
        return text;
    }
}
