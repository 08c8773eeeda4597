package org.caisse.keymanagement.domain;

/** The version of a merchant's secret key, as named by {@code keyVersion} in Sips requests: an integer ≥ 1. */
public record KeyVersion(int value) implements Comparable<KeyVersion> {

    public KeyVersion {
        if (value < 1) {
            throw new InvalidKeyIdentifierException("keyVersion", "keyVersion must be an integer greater than or equal to 1");
        }
    }

    public static KeyVersion of(int value) {
        return new KeyVersion(value);
    }

    /**
     * Parses the textual form found in a URL or a request: decimal digits only, no sign, at most 9 digits.
     *
     * @throws InvalidKeyIdentifierException when the text is not a valid key version
     */
    public static KeyVersion parse(String text) {
        if (text == null || text.isEmpty() || text.length() > 9 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new InvalidKeyIdentifierException("keyVersion", "keyVersion must be an integer greater than or equal to 1");
        }
        return new KeyVersion(Integer.parseInt(text));
    }

    public KeyVersion next() {
        return new KeyVersion(Math.addExact(value, 1));
    }

    @Override
    public int compareTo(KeyVersion other) {
        return Integer.compare(value, other.value);
    }

    @Override
    public String toString() {
        return Integer.toString(value);
    }
}
