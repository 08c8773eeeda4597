package org.caisse.paymentpage.domain.branding;

/**
 * Which logo images the page serves: PNG, JPEG or WebP, recognised by their magic bytes (never by a declared
 * type), at most {@link #MAX_BYTES}. SVG is refused: it is a document that can carry scripts and external
 * references, and sanitizing it safely is a project of its own.
 */
public final class LogoImages {

    public static final int MAX_BYTES = 200 * 1024;

    private LogoImages() {
    }

    /**
     * @return the content type the logo is served with
     * @throws BrandingRefused when the bytes are empty, too large or not one of the three formats
     */
    public static String contentTypeOf(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw new BrandingRefused("logo", "invalid-logo", "the logo is empty");
        }
        if (bytes.length > MAX_BYTES) {
            throw new BrandingRefused("logo", "logo-too-large", "the logo is larger than " + MAX_BYTES / 1024 + " KiB");
        }
        if (startsWith(bytes, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return "image/png";
        }
        if (startsWith(bytes, 0, 0xFF, 0xD8, 0xFF)) {
            return "image/jpeg";
        }
        if (startsWith(bytes, 0, 'R', 'I', 'F', 'F') && startsWith(bytes, 8, 'W', 'E', 'B', 'P')) {
            return "image/webp";
        }
        throw new BrandingRefused("logo", "invalid-logo", "the logo must be a PNG, JPEG or WebP image (SVG is not accepted)");
    }

    private static boolean startsWith(byte[] bytes, int offset, int... magic) {
        if (bytes.length < offset + magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((bytes[offset + i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
