package org.caisse.officeserver.domain.guard;

import java.util.Optional;

import org.caisse.officeserver.domain.office.FieldFormatException;

/**
 * The merchant's {@code Idempotency-Key} header: 1 to 255 printable ASCII characters (0x21–0x7E plus the
 * space inside the value). Scoped by the sealed merchant, never global.
 */
public record IdempotencyKey(String value) {

    public static final String HEADER = "Idempotency-Key";
    public static final int MAX_LENGTH = 255;

    public IdempotencyKey {
        if (!isWellFormed(value)) {
            throw new FieldFormatException(HEADER);
        }
    }

    /** Empty when the header is absent; a present but malformed header fails with {@link FieldFormatException}. */
    public static Optional<IdempotencyKey> fromHeader(String header) {
        return header == null ? Optional.empty() : Optional.of(new IdempotencyKey(header));
    }

    private static boolean isWellFormed(String value) {
        if (value == null || value.isEmpty() || value.length() > MAX_LENGTH) {
            return false;
        }
        if (value.charAt(0) == ' ' || value.charAt(value.length() - 1) == ' ') {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c > 0x7E) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return value;
    }
}
