package org.caisse.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetryLadderTest {

    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

    @Test
    void parsesEveryUnitOfTheSpec() {
        RetryLadder ladder = RetryLadder.parse("500ms, 2s,1m,1h,3d", 0);
        assertThat(ladder.delays()).containsExactly(Duration.ofMillis(500), Duration.ofSeconds(2),
                Duration.ofMinutes(1), Duration.ofHours(1), Duration.ofDays(3));
        assertThat(ladder.maxAttempts()).isEqualTo(6);
    }

    @Test
    void theDefaultLadderEndsWithinThreeDays() {
        RetryLadder ladder = RetryLadder.parse(RetryLadder.DEFAULT_SPEC, 0.1);
        Duration total = ladder.delays().stream().reduce(Duration.ZERO, Duration::plus);
        assertThat(total).isBetween(Duration.ofDays(2), Duration.ofDays(3));
        assertThat(ladder.delays().get(0)).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void nextAttemptFollowsTheStepOfTheAttemptJustMade() {
        RetryLadder ladder = RetryLadder.parse("1m,5m", 0);
        assertThat(ladder.nextAttemptAfter(1, NOW, 0.5)).contains(NOW.plus(Duration.ofMinutes(1)));
        assertThat(ladder.nextAttemptAfter(2, NOW, 0.5)).contains(NOW.plus(Duration.ofMinutes(5)));
        assertThat(ladder.nextAttemptAfter(3, NOW, 0.5)).isEmpty();
    }

    @Test
    void jitterStaysWithinTenPercentEitherWay() {
        RetryLadder ladder = RetryLadder.parse("100s", 0.1);
        assertThat(ladder.nextAttemptAfter(1, NOW, 0.0)).contains(NOW.plusSeconds(90));
        assertThat(ladder.nextAttemptAfter(1, NOW, 0.999999)).hasValueSatisfying(
                at -> assertThat(Duration.between(NOW, at)).isBetween(Duration.ofSeconds(109),
                        Duration.ofSeconds(110)));
    }

    @Test
    void rejectsBadSpecs() {
        assertThatThrownBy(() -> RetryLadder.parse("", 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RetryLadder.parse("1m,x", 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RetryLadder.parse("5w", 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RetryLadder.parse("0s", 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RetryLadder.parse("1s", 1.5)).isInstanceOf(IllegalArgumentException.class);
    }
}
