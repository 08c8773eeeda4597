package org.caisse.common.card;

/**
 * PAN masking. Our own pages, tickets and logs show at most BIN + last 4 ({@link #binAndLast4}); Sips fields use the
 * Sips form, first 4 + last 2 ({@link #sipsMaskedPan}). Spaces and hyphens are ignored; input with other non-digit
 * characters is refused without echoing it. A number too short to keep some digits hidden is masked entirely.
 */
public final class PanMasking {

    private static final int MIN_PAN_LENGTH = 12;

    private PanMasking() {
    }

    /** {@code 4100000000000005} → {@code 410000******0005}. */
    public static String binAndLast4(String pan) {
        return mask(pan, 6, 4, '*');
    }

    /** {@code 4100000000000005} → {@code 4100##########05}. */
    public static String sipsMaskedPan(String pan) {
        return mask(pan, 4, 2, '#');
    }

    private static String mask(String pan, int head, int tail, char maskChar) {
        if (pan == null) {
            throw new IllegalArgumentException("PAN missing");
        }
        String digits = pan.replace(" ", "").replace("-", "");
        if (!Luhn.allDigits(digits)) {
            throw new IllegalArgumentException("PAN must contain digits only");
        }
        int length = digits.length();
        // Card numbers have 12 to 19 digits; anything shorter is not shown at all.
        if (length < MIN_PAN_LENGTH) {
            return String.valueOf(maskChar).repeat(length);
        }
        return digits.substring(0, head) + String.valueOf(maskChar).repeat(length - head - tail)
                + digits.substring(length - tail);
    }
}
