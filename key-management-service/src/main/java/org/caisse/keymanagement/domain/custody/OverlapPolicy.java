package org.caisse.keymanagement.domain.custody;

import java.time.Duration;
import java.util.Objects;

/**
 * How long a superseded key keeps verifying after a newer one is activated. Too short and seals computed just
 * before the switch fail; too long and a leaked key stays useful.
 */
public record OverlapPolicy(Duration minimum, Duration maximum, Duration byDefault) {

    /** 1 hour to 30 days, 24 hours unless asked otherwise. */
    public static final OverlapPolicy STANDARD =
            new OverlapPolicy(Duration.ofHours(1), Duration.ofDays(30), Duration.ofHours(24));

    public OverlapPolicy {
        Objects.requireNonNull(minimum, "minimum");
        Objects.requireNonNull(maximum, "maximum");
        Objects.requireNonNull(byDefault, "byDefault");
        if (minimum.isNegative() || maximum.compareTo(minimum) < 0
                || byDefault.compareTo(minimum) < 0 || byDefault.compareTo(maximum) > 0) {
            throw new IllegalArgumentException("overlap policy needs 0 <= minimum <= default <= maximum");
        }
    }

    /**
     * The same policy with another minimum (a platform run for tests may allow seconds, so that "refused after
     * notAfter" can be observed); the maximum and the default are kept.
     */
    public OverlapPolicy withMinimum(Duration newMinimum) {
        return new OverlapPolicy(newMinimum, maximum, byDefault);
    }

    /** The overlap to apply: the default when none is asked for, refused outside [minimum, maximum]. */
    public Decision<Duration> check(Duration requestedOrNull) {
        Duration overlap = requestedOrNull == null ? byDefault : requestedOrNull;
        if (overlap.compareTo(minimum) < 0 || overlap.compareTo(maximum) > 0) {
            return Decision.refuse(RefusalReason.OVERLAP_OUT_OF_RANGE, "The overlap must be between " + minimum
                    + " and " + maximum + " (asked " + overlap + ")");
        }
        return Decision.accept(overlap);
    }
}
