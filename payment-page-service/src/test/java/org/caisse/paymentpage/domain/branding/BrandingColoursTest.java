package org.caisse.paymentpage.domain.branding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;

class BrandingColoursTest {

    @Test
    void contrastRatiosAreTheWcagOnes() {
        assertThat(Colour.BLACK.contrastWith(Colour.WHITE)).isCloseTo(21.0, within(0.01));
        assertThat(Colour.WHITE.contrastWith(Colour.WHITE)).isCloseTo(1.0, within(0.001));
        // #767676 on white is the classic lightest grey that passes AA (4.54:1); #777777 fails (4.48:1).
        assertThat(Colour.parse("#767676", "x").contrastWith(Colour.WHITE)).isCloseTo(4.54, within(0.01));
        assertThat(Colour.parse("#777777", "x").contrastWith(Colour.WHITE)).isCloseTo(4.48, within(0.01));
    }

    @Test
    void readableColoursAreAccepted() {
        BrandingColours colours = BrandingColours.fromDocument(
                Map.of("primary", "#1F5FBF", "background", "#ffffff", "text", "#1d2330"));
        assertThat(colours.primary().hex()).isEqualTo("#1f5fbf");
        assertThat(colours.onPrimary()).isEqualTo(Colour.WHITE);
        assertThat(ThemeStylesheet.of(colours)).contains("--accent: #1f5fbf;").contains("--page-bg: #ffffff;");
    }

    @Test
    void aPrimaryColourTooCloseToTheBackgroundIsRefusedNamingIt() {
        BrandingRefused refused = catchThrowableOfType(BrandingRefused.class, () -> BrandingColours.fromDocument(
                Map.of("primary", "#777777", "background", "#ffffff", "text", "#000000")));
        assertThat(refused.field()).isEqualTo("colours.primary");
        assertThat(refused.reason()).isEqualTo("insufficient-contrast");
        assertThat(refused.getMessage()).contains("4.48:1").contains("4.5:1");
    }

    @Test
    void aTextColourTooCloseToTheBackgroundIsRefused() {
        BrandingRefused refused = catchThrowableOfType(BrandingRefused.class, () -> BrandingColours.fromDocument(
                Map.of("primary", "#000000", "background", "#ffff00", "text", "#ffffff")));
        assertThat(refused.field()).isEqualTo("colours.text");
    }

    @Test
    void aColourNotWrittenHashSixHexDigitsIsRefused() {
        for (String bad : new String[] {"red", "#fff", "#12345g", "1f5fbf", "#1f5fbf;x"}) {
            BrandingRefused refused = catchThrowableOfType(BrandingRefused.class, () -> BrandingColours.fromDocument(
                    Map.of("primary", bad, "background", "#ffffff", "text", "#000000")));
            assertThat(refused.reason()).as(bad).isEqualTo("invalid-colour");
            assertThat(refused.field()).isEqualTo("colours.primary");
        }
    }
}
