package org.caisse.authorization.domain.risk;

import java.time.Duration;
import java.util.Objects;

/**
 * At most {@code maxAttempts} authorization attempts of one card at one merchant within a sliding {@code window}.
 */
public record Velocity(int maxAttempts, Duration window) {

    public static final int MAX_ATTEMPTS_LIMIT = 1000;
    public static final Duration MIN_WINDOW = Duration.ofMinutes(1);
    public static final Duration MAX_WINDOW = Duration.ofDays(30);

    public Velocity {
        Objects.requireNonNull(window, "window");
        if (maxAttempts < 1 || maxAttempts > MAX_ATTEMPTS_LIMIT) {
            throw new IllegalArgumentException("maxAttempts must be within 1.." + MAX_ATTEMPTS_LIMIT);
        }
        if (!isValidWindow(window)) {
            throw new IllegalArgumentException("window must be within " + MIN_WINDOW + ".." + MAX_WINDOW);
        }
    }

    public static boolean isValidWindow(Duration window) {
        return window != null && window.compareTo(MIN_WINDOW) >= 0 && window.compareTo(MAX_WINDOW) <= 0;
    }

    /** Whether one more attempt, after {@code previousAttempts} within the window, is too many. */
    boolean exceededBy(int previousAttempts) {
        return previousAttempts >= maxAttempts;
    }
}
