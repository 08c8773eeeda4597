package org.caisse.paymentpage.adapter.out.css;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.caisse.paymentpage.domain.branding.BrandingRefused;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class PhCssStylesheetSanitizerTest {

    private final PhCssStylesheetSanitizer sanitizer = new PhCssStylesheetSanitizer();

    @Test
    void plainRulesMediaAndKeyframesAreKeptAndCommentsDropped() {
        String clean = sanitizer.sanitize("""
                /* our brand */
                .page { border-radius: 0; font-family: Georgia, serif }
                @media (max-width: 400px) { h1 { font-size: 1rem } }
                @keyframes pulse { from { opacity: 1 } to { opacity: .5 } }
                """);
        assertThat(clean).contains(".page").contains("border-radius").contains("@media").contains("@keyframes")
                .doesNotContain("our brand");
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "@import 'https://evil.example/x.css'; .a { color: red }|css-import",
            "@IMPORT url(x.css);|css-import",
            ".a { background: url(javascript:alert(1)) }|css-url",
            ".a { background: url(https://tracker.example/p.png) }|css-url",
            ".a { background: URL ( data:image/png;base64,AAAA ) }|css-url",
            ".a { width: expression(alert(1)) }|css-expression",
            ".a { behavior: url(x.htc) }|css-url",
            ".a { behavior: foo }|css-behavior",
            ".a { -moz-binding: foo }|css-binding",
            ".a { color: red } </style><script>alert(1)</script>|css-markup",
            ".a { background: u\\72 l(x) }|css-escape",
            "@font-face { font-family: x; src: local(x) }|css-at-rule",
            "@namespace svg 'http://www.w3.org/2000/svg';|css-at-rule",
            ".a { color: red|css-syntax",
            "   |css-empty"
    })
    void hostileOrInvalidStylesheetsAreRefusedWithTheirReason(String css, String reason) {
        BrandingRefused refused = catchThrowableOfType(BrandingRefused.class, () -> sanitizer.sanitize(css));
        assertThat(refused).as(css).isNotNull();
        assertThat(refused.reason()).isEqualTo(reason);
        assertThat(refused.field()).isEqualTo("stylesheet");
        assertThat(refused.getMessage()).isNotBlank();
    }

    @Test
    void aStylesheetOverSixtyFourKibIsRefused() {
        String big = ".a { color: red }\n".repeat(4000);
        assertThat(catchThrowableOfType(BrandingRefused.class, () -> sanitizer.sanitize(big)).reason())
                .isEqualTo("css-too-large");
    }
}
