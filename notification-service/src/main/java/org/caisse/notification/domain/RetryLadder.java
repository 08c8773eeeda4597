package org.caisse.notification.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The waits between attempts: after the n-th failed attempt the next one comes {@code delays[n-1]} later
 * (give or take the jitter); after the last delay's attempt fails, there is no further attempt.
 * A ladder of {@code k} delays therefore allows {@code k + 1} attempts.
 *
 * @param delays the waits, each positive
 * @param jitter the relative spread applied to each wait, in [0, 1) ({@code 0.1} = ±10 %)
 */
public record RetryLadder(List<Duration> delays, double jitter) {

    /** The production ladder: 8 waits, about 2.8 days from the first attempt to the last. */
    public static final String DEFAULT_SPEC = "1m,5m,15m,1h,6h,12h,24h,24h";

    public RetryLadder {
        delays = List.copyOf(delays);
        for (Duration delay : delays) {
            if (delay.isNegative() || delay.isZero()) {
                throw new IllegalArgumentException("Every retry delay must be positive");
            }
        }
        if (!(jitter >= 0 && jitter < 1)) {
            throw new IllegalArgumentException("Jitter must be in [0, 1)");
        }
    }

    /**
     * Parses a comma-separated list of durations such as {@code 1m,5m,15m,1h,6h,12h,1d}: a whole number
     * followed by {@code ms}, {@code s}, {@code m}, {@code h} or {@code d}.
     */
    public static RetryLadder parse(String spec, double jitter) {
        if (spec == null || spec.isBlank()) {
            throw new IllegalArgumentException("The retry ladder is empty");
        }
        List<Duration> delays = new ArrayList<>();
        for (String part : spec.split(",")) {
            delays.add(parseDuration(part.trim().toLowerCase(Locale.ROOT)));
        }
        return new RetryLadder(delays, jitter);
    }

    private static Duration parseDuration(String text) {
        int unitStart = 0;
        while (unitStart < text.length() && Character.isDigit(text.charAt(unitStart))) {
            unitStart++;
        }
        if (unitStart == 0) {
            throw new IllegalArgumentException("Not a duration: '" + text + "'");
        }
        long amount = Long.parseLong(text.substring(0, unitStart));
        return switch (text.substring(unitStart)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            case "d" -> Duration.ofDays(amount);
            default -> throw new IllegalArgumentException("Not a duration: '" + text + "'");
        };
    }

    /** How many attempts the ladder allows in all. */
    public int maxAttempts() {
        return delays.size() + 1;
    }

    /**
     * When the next attempt is due after {@code attemptsMade} attempts have failed, or empty when the ladder
     * is exhausted.
     *
     * @param random01 a uniform random number in [0, 1) choosing the jitter
     */
    public Optional<Instant> nextAttemptAfter(int attemptsMade, Instant now, double random01) {
        if (attemptsMade < 1 || attemptsMade > delays.size()) {
            return Optional.empty();
        }
        long millis = delays.get(attemptsMade - 1).toMillis();
        double factor = 1 + jitter * (2 * random01 - 1);
        return Optional.of(now.plusMillis(Math.max(1, Math.round(millis * factor))));
    }
}
