package org.caisse.common.seal;

import java.util.Optional;

/** The two seal algorithms of Sips 2.0 (SIPS.md §4). */
public enum SealAlgorithm {
    /** {@code HMAC_SHA256(key, message)}. */
    HMAC_SHA_256("HMAC-SHA-256"),
    /** Legacy form: {@code SHA256(message + key)}. */
    SHA_256("SHA-256");

    private final String wireName;

    SealAlgorithm(String wireName) {
        this.wireName = wireName;
    }

    /** The name used on the wire ({@code SealAlgorithm} field). */
    public String wireName() {
        return wireName;
    }

    /**
     * The algorithm named on the wire; null or blank gives empty (the caller picks the default), and so does
     * an unknown name: callers that must reject unknown names compare with {@link String#isBlank()} first.
     */
    public static Optional<SealAlgorithm> fromWireName(String name) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        String trimmed = name.trim();
        for (SealAlgorithm algorithm : values()) {
            if (algorithm.wireName.equalsIgnoreCase(trimmed)) {
                return Optional.of(algorithm);
            }
        }
        return Optional.empty();
    }
}
