package org.caisse.paymentpage.domain.branding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LogoImagesTest {

    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R'};

    @Test
    void pngJpegAndWebpAreRecognisedByTheirBytes() {
        assertThat(LogoImages.contentTypeOf(PNG)).isEqualTo("image/png");
        assertThat(LogoImages.contentTypeOf(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0})).isEqualTo("image/jpeg");
        assertThat(LogoImages.contentTypeOf("RIFF\0\0\0\0WEBPVP8 ".getBytes(StandardCharsets.ISO_8859_1))).isEqualTo("image/webp");
    }

    @Test
    void svgHtmlEmptyAndOversizedLogosAreRefused() {
        assertThat(catchThrowableOfType(BrandingRefused.class, () -> LogoImages.contentTypeOf(
                "<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>".getBytes(StandardCharsets.UTF_8)))
                .reason()).isEqualTo("invalid-logo");
        assertThat(catchThrowableOfType(BrandingRefused.class, () -> LogoImages.contentTypeOf(new byte[0])).reason())
                .isEqualTo("invalid-logo");
        byte[] big = new byte[LogoImages.MAX_BYTES + 1];
        System.arraycopy(PNG, 0, big, 0, PNG.length);
        assertThat(catchThrowableOfType(BrandingRefused.class, () -> LogoImages.contentTypeOf(big)).reason())
                .isEqualTo("logo-too-large");
    }
}
