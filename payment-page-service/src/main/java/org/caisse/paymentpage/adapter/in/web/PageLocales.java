package org.caisse.paymentpage.adapter.in.web;

import java.util.Locale;
import java.util.Set;

/** Picks the page language among those the page has texts for; French by default. */
final class PageLocales {

    static final Set<String> SUPPORTED = Set.of("fr", "en", "de", "es", "it", "nl");
    static final Locale DEFAULT = Locale.FRENCH;

    private PageLocales() {
    }

    /** The first supported language among the candidates (ISO 639-1 codes or Accept-Language headers). */
    static Locale pick(String... candidates) {
        for (String candidate : candidates) {
            if (candidate == null || candidate.isBlank()) {
                continue;
            }
            for (String part : candidate.split(",")) {
                String tag = part.split(";")[0].strip();
                String language = tag.length() >= 2 ? tag.substring(0, 2).toLowerCase(Locale.ROOT) : "";
                if (SUPPORTED.contains(language)) {
                    return Locale.forLanguageTag(language);
                }
            }
        }
        return DEFAULT;
    }
}
