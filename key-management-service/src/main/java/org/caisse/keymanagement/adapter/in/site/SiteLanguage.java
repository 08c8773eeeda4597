package org.caisse.keymanagement.adapter.in.site;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The site's languages: French (default), English, Dutch, Spanish, German. */
public enum SiteLanguage {
    FR("Français"), EN("English"), NL("Nederlands"), ES("Español"), DE("Deutsch");

    public static final SiteLanguage DEFAULT = FR;
    public static final String COOKIE = "caisse-site-lang";

    private final String nativeName;

    SiteLanguage(String nativeName) {
        this.nativeName = nativeName;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String nativeName() {
        return nativeName;
    }

    public Locale locale() {
        return Locale.forLanguageTag(code());
    }

    /** A language tag such as {@code nl}, {@code nl-BE} or {@code de_DE}; anything else is empty. */
    public static Optional<SiteLanguage> fromTag(String tag) {
        if (tag == null || tag.isBlank() || tag.length() > 35) {
            return Optional.empty();
        }
        String primary = tag.trim().split("[-_]", 2)[0].toLowerCase(Locale.ROOT);
        for (SiteLanguage language : values()) {
            if (language.code().equals(primary)) {
                return Optional.of(language);
            }
        }
        return Optional.empty();
    }

    /** The explicit choice made in the page (cookie) wins over the profile's {@code locale}; French otherwise. */
    public static SiteLanguage resolve(String cookieValue, String profileLocale) {
        return fromTag(cookieValue).or(() -> fromTag(profileLocale)).orElse(DEFAULT);
    }

    public static List<SiteLanguage> all() {
        return List.of(values());
    }
}
