package org.caisse.paymentpage.adapter.out.css;

import com.helger.css.ECSSVersion;
import com.helger.css.decl.AbstractHasTopLevelRules;
import com.helger.css.decl.CSSKeyframesRule;
import com.helger.css.decl.CSSMediaRule;
import com.helger.css.decl.CSSStyleRule;
import com.helger.css.decl.CascadingStyleSheet;
import com.helger.css.decl.ICSSTopLevelRule;
import com.helger.css.reader.CSSReader;
import com.helger.css.reader.CSSReaderSettings;
import com.helger.css.reader.errorhandler.CollectingCSSParseErrorHandler;
import com.helger.css.writer.CSSWriter;
import com.helger.css.writer.CSSWriterSettings;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.caisse.paymentpage.application.port.out.StylesheetSanitizer;
import org.caisse.paymentpage.domain.branding.BrandingRefused;

/**
 * Merchant stylesheets through ph-css: parsed strictly (any syntax error refuses the upload), only style rules,
 * {@code @media} and {@code @keyframes} kept, and written out again from the parsed form, so comments, hacks and
 * anything the parser did not understand never reach a shopper. Refused outright: {@code @import} and every other
 * at-rule, {@code url(...)} of any kind (a stylesheet must not load anything, nor leak the page's address),
 * {@code expression(}, {@code behavior}, {@code -moz-binding}, {@code javascript:}, markup ({@code <}, e.g.
 * {@code </style>}), backslash escapes (they can spell any of these), and more than {@link #MAX_BYTES}.
 */
@ApplicationScoped
public class PhCssStylesheetSanitizer implements StylesheetSanitizer {

    public static final int MAX_BYTES = 64 * 1024;

    private record Forbidden(String token, String reason, String detail) {
    }

    private static final List<Forbidden> FORBIDDEN = List.of(
            new Forbidden("@import", "css-import", "@import is not allowed: a stylesheet must not load another"),
            new Forbidden("url(", "css-url", "url(...) is not allowed: a stylesheet must not load anything"),
            new Forbidden("image-set(", "css-url", "image-set(...) is not allowed: a stylesheet must not load anything"),
            new Forbidden("expression(", "css-expression", "expression(...) is not allowed"),
            new Forbidden("javascript:", "css-javascript", "javascript: is not allowed"),
            new Forbidden("behavior", "css-behavior", "behavior is not allowed"),
            new Forbidden("-moz-binding", "css-binding", "-moz-binding is not allowed"));

    @Override
    public String sanitize(String css) {
        if (css == null || css.isBlank()) {
            throw refused("css-empty", "the stylesheet is empty");
        }
        if (css.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw refused("css-too-large", "the stylesheet is larger than " + MAX_BYTES / 1024 + " KiB");
        }
        if (css.indexOf('<') >= 0) {
            throw refused("css-markup", "'<' is not allowed (no markup such as </style> in a stylesheet)");
        }
        if (css.indexOf('\\') >= 0) {
            throw refused("css-escape", "backslash escapes are not allowed");
        }
        refuseForbiddenTokens(css);
        CascadingStyleSheet sheet = parse(css);
        if (sheet.hasImportRules()) {
            throw refused("css-import", "@import is not allowed: a stylesheet must not load another");
        }
        if (sheet.hasNamespaceRules()) {
            throw refused("css-at-rule", "@namespace is not allowed");
        }
        checkRules(sheet);
        CSSWriterSettings settings = new CSSWriterSettings(ECSSVersion.CSS30, false);
        CSSWriter writer = new CSSWriter(settings).setWriteHeaderText(false).setWriteFooterText(false);
        String clean = writer.getCSSAsString(sheet);
        // What the writer produced is checked again: the parsed form must not have joined anything forbidden.
        refuseForbiddenTokens(clean);
        if (clean.indexOf('<') >= 0 || clean.indexOf('\\') >= 0) {
            throw refused("css-markup", "the stylesheet could not be written back safely");
        }
        return clean;
    }

    private static CascadingStyleSheet parse(String css) {
        CollectingCSSParseErrorHandler errors = new CollectingCSSParseErrorHandler();
        CascadingStyleSheet sheet;
        try {
            sheet = CSSReader.readFromStringReader(css, new CSSReaderSettings()
                    .setCSSVersion(ECSSVersion.CSS30)
                    .setBrowserCompliantMode(false)
                    .setCustomErrorHandler(errors)
                    .setCustomExceptionHandler(ex -> {
                    }));
        } catch (RuntimeException e) {
            sheet = null;
        }
        if (sheet == null || errors.hasParseErrors()) {
            String where = errors.hasParseErrors() ? " (" + describe(errors) + ")" : "";
            throw refused("css-syntax", "the stylesheet is not valid CSS" + where);
        }
        return sheet;
    }

    private static String describe(CollectingCSSParseErrorHandler errors) {
        var first = errors.getAllParseErrors().getFirstOrNull();
        if (first == null || first.getLastValidToken() == null) {
            return "syntax error";
        }
        return "syntax error at line " + first.getLastValidToken().getBeginLine();
    }

    private static void checkRules(AbstractHasTopLevelRules container) {
        for (ICSSTopLevelRule rule : container.getAllRules()) {
            if (rule instanceof CSSStyleRule || rule instanceof CSSKeyframesRule) {
                continue;
            }
            if (rule instanceof CSSMediaRule media) {
                checkRules(media);
                continue;
            }
            String kind = rule.getClass().getSimpleName().replace("CSS", "").replace("Rule", "").toLowerCase(Locale.ROOT);
            throw refused("css-at-rule", "only style rules, @media and @keyframes are allowed (found a " + kind + " rule)");
        }
    }

    private static void refuseForbiddenTokens(String css) {
        String lower = css.toLowerCase(Locale.ROOT);
        String compact = lower.replaceAll("\\s+", "");
        for (Forbidden forbidden : FORBIDDEN) {
            if (lower.contains(forbidden.token()) || compact.contains(forbidden.token())) {
                throw refused(forbidden.reason(), forbidden.detail());
            }
        }
    }

    private static BrandingRefused refused(String reason, String detail) {
        return new BrandingRefused("stylesheet", reason, detail);
    }
}
