package org.caisse.officeserver.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.caisse.officeserver.domain.guard.IdempotencyKey;
import org.caisse.officeserver.domain.guard.TokenBuckets;
import org.caisse.officeserver.domain.office.FieldFormatException;
import org.junit.jupiter.api.Test;

class GuardValuesTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void anIdempotencyKeyIsOneTo255PrintableAsciiCharacters() {
        assertThat(IdempotencyKey.fromHeader(null)).isEmpty();
        assertThat(IdempotencyKey.fromHeader("a")).hasValue(new IdempotencyKey("a"));
        assertThat(IdempotencyKey.fromHeader("k".repeat(255))).isPresent();
        assertThat(IdempotencyKey.fromHeader("order 42/retry~1")).isPresent();
        for (String bad : new String[] {"", "k".repeat(256), "tab\there", "é", "nul\u0000", " lead", "trail ", "\u007f"}) {
            assertThatThrownBy(() -> IdempotencyKey.fromHeader(bad)).as(bad)
                    .isInstanceOf(FieldFormatException.class)
                    .hasMessageNotContaining(bad.isEmpty() ? "\u0001" : bad);
        }
    }

    @Test
    void aBucketAllowsTheBurstThenTheRateAndSaysWhenToRetry() {
        TokenBuckets buckets = new TokenBuckets(2, 3, 10);
        long t = 0;
        for (int i = 0; i < 3; i++) {
            assertThat(buckets.take("m", t).allowed()).isTrue();
        }
        TokenBuckets.Decision refused = buckets.take("m", t);
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfterSeconds()).isEqualTo(1);
        assertThat(buckets.take("other", t).allowed()).isTrue();
        assertThat(buckets.take("m", t + SECOND / 2).allowed()).isTrue();
        assertThat(buckets.take("m", t + SECOND / 2).allowed()).isFalse();
        assertThat(buckets.take("m", t + 10 * SECOND).allowed()).isTrue();
    }

    @Test
    void aSlowRateAsksForALongerWait() {
        TokenBuckets buckets = new TokenBuckets(0.2, 1, 10);
        assertThat(buckets.take("m", 0).allowed()).isTrue();
        assertThat(buckets.take("m", 0).retryAfterSeconds()).isEqualTo(5);
    }

    @Test
    void aFloodOfDistinctKeysDoesNotGrowTheBucketsWithoutBound() {
        TokenBuckets buckets = new TokenBuckets(1, 1, 100);
        for (int i = 0; i < 10_000; i++) {
            buckets.take("client-" + i, 0);
        }
        assertThat(buckets).extracting("buckets").asInstanceOf(
                org.assertj.core.api.InstanceOfAssertFactories.MAP).hasSizeLessThanOrEqualTo(100);
    }
}
