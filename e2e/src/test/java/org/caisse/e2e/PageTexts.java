package org.caisse.e2e;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The payment page's texts as its message bundles define them (French in the bundle interface, the other
 * languages in {@code msg_<lang>.properties}), so the browser test can tell that a page speaks the shopper's
 * language without copying the translations.
 */
final class PageTexts {

    private static final Path SOURCES = Path.of(System.getProperty("caisse.root", ".."), "payment-page-service", "src",
            "main");

    private PageTexts() {
    }

    static String of(String language, String key) {
        try {
            if (language.equals("fr")) {
                String bundle = Files.readString(SOURCES.resolve(
                        "java/org/caisse/paymentpage/adapter/in/web/PageMessages.java"));
                Matcher m = Pattern.compile("@Message\\(\"((?:[^\"\\\\]|\\\\.)*)\"\\)\\s+String " + key + "\\(")
                        .matcher(bundle);
                if (!m.find()) {
                    throw new IllegalArgumentException("no French text " + key);
                }
                return m.group(1).replace("\\\"", "\"");
            }
            Properties texts = new Properties();
            try (Reader reader = Files.newBufferedReader(
                    SOURCES.resolve("resources/messages/msg_" + language + ".properties"), StandardCharsets.UTF_8)) {
                texts.load(reader);
            }
            String text = texts.getProperty(key);
            if (text == null) {
                throw new IllegalArgumentException("no " + language + " text " + key);
            }
            return text;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
