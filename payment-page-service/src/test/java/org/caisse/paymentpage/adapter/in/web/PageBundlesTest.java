package org.caisse.paymentpage.adapter.in.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.qute.i18n.Message;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class PageBundlesTest {

    private static Set<String> frenchKeys() {
        return Arrays.stream(PageMessages.class.getDeclaredMethods())
                .filter(m -> m.isAnnotationPresent(Message.class))
                .map(java.lang.reflect.Method::getName)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static Properties bundle(String lang) throws Exception {
        Properties properties = new Properties();
        try (InputStream in = PageBundlesTest.class.getResourceAsStream("/messages/msg_" + lang + ".properties")) {
            assertThat(in).as("bundle " + lang).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "de", "es", "it", "nl"})
    void everyBundleHasExactlyTheKeysOfTheFrenchOne(String lang) throws Exception {
        Set<String> keys = new TreeSet<>(bundle(lang).stringPropertyNames());
        assertThat(frenchKeys()).hasSizeGreaterThan(40);
        assertThat(keys).isEqualTo(frenchKeys());
        bundle(lang).forEach((key, text) -> assertThat((String) text).as(lang + " " + key).isNotBlank());
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "de", "es", "it", "nl"})
    void aMessageWithAParameterKeepsItInEveryLanguage(String lang) throws Exception {
        assertThat(bundle(lang).getProperty("sessionExpiresAt")).contains("{date}");
    }

    @Test
    void everySupportedLanguageHasABundleAndFrenchIsTheFallback() {
        assertThat(PageLocales.SUPPORTED).containsExactlyInAnyOrder("fr", "en", "de", "es", "it", "nl");
        assertThat(PageLocales.pick("nl", "de")).isEqualTo(Locale.forLanguageTag("nl"));
        assertThat(PageLocales.pick("pt", "it")).isEqualTo(Locale.ITALIAN);
        assertThat(PageLocales.pick("pt", "xx")).isEqualTo(Locale.FRENCH);
        assertThat(PageLocales.pick(null, null)).isEqualTo(Locale.FRENCH);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "fr|10,50 €|1 234,56 €|23 nov. 2026 18:27 (Europe/Paris)",
            "en|€10.50|€1,234.56|Nov 23, 2026, 6:27 PM (Europe/Paris)",
            "de|10,50 €|1.234,56 €|23.11.2026, 18:27 (Europe/Paris)",
            "es|10,50 €|1.234,56 €|23 nov 2026, 18:27 (Europe/Paris)",
            "it|10,50 €|1.234,56 €|23 nov 2026, 18:27 (Europe/Paris)",
            "nl|€ 10,50|€ 1.234,56|23 nov 2026, 18:27 (Europe/Paris)"})
    void amountsFromMinorUnitsAndDatesAreWrittenTheLanguagesWay(String lang, String small, String large, String date) {
        Locale locale = Locale.forLanguageTag(lang);
        assertThat(spaces(PageFormats.amount(1050, "978", locale))).isEqualTo(small);
        assertThat(spaces(PageFormats.amount(123456, "978", locale))).isEqualTo(large);
        assertThat(spaces(PageFormats.dateTime(Instant.parse("2026-11-23T17:27:00Z"), locale))).isEqualTo(date);
    }

    @Test
    void aCurrencyWithoutMinorUnitsHasNoDecimalsAndAnUnknownOneIsShownRaw() {
        assertThat(spaces(PageFormats.amount(1050, "392", Locale.ENGLISH))).isEqualTo("¥1,050");
        assertThat(PageFormats.amount(1050, "000", Locale.FRENCH)).isEqualTo("1050 000");
    }

    static String spaces(String text) {
        return text.replaceAll("[\\u00a0\\u202f]", " ");
    }
}
