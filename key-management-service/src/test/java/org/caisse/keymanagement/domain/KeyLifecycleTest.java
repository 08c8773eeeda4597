package org.caisse.keymanagement.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class KeyLifecycleTest {

    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

    @Test
    void activeKeyWithoutNotAfterVerifies() {
        assertThat(KeyLifecycle.active().isUsableForVerificationAt(NOW)).isTrue();
    }

    @Test
    void deprecatedKeyVerifiesStrictlyBeforeItsNotAfter() {
        KeyLifecycle lifecycle = KeyLifecycle.of(KeyStatus.DEPRECATED, NOW.plusSeconds(1));
        assertThat(lifecycle.isUsableForVerificationAt(NOW)).isTrue();
        assertThat(lifecycle.isUsableForVerificationAt(NOW.plusSeconds(1))).isFalse();
        assertThat(lifecycle.isUsableForVerificationAt(NOW.plusSeconds(2))).isFalse();
    }

    @Test
    void deprecatedKeyWithoutNotAfterDoesNotVerify() {
        assertThat(KeyLifecycle.of(KeyStatus.DEPRECATED, null).isUsableForVerificationAt(NOW)).isFalse();
    }

    @Test
    void deactivatedAndDestroyedKeysNeverVerifyEvenBeforeNotAfter() {
        assertThat(KeyLifecycle.of(KeyStatus.DEACTIVATED, null).isUsableForVerificationAt(NOW)).isFalse();
        assertThat(KeyLifecycle.of(KeyStatus.DEACTIVATED, NOW.plusSeconds(3600)).isUsableForVerificationAt(NOW))
                .isFalse();
        assertThat(KeyLifecycle.of(KeyStatus.DESTROYED, null).isUsableForVerificationAt(NOW)).isFalse();
        assertThat(KeyLifecycle.of(KeyStatus.DESTROYED, NOW.plusSeconds(3600)).isUsableForVerificationAt(NOW))
                .isFalse();
    }

    @Test
    void activeKeyPastAnExplicitNotAfterStopsVerifying() {
        assertThat(KeyLifecycle.of(KeyStatus.ACTIVE, NOW.plusSeconds(60)).isUsableForVerificationAt(NOW)).isTrue();
        assertThat(KeyLifecycle.of(KeyStatus.ACTIVE, NOW.minusSeconds(60)).isUsableForVerificationAt(NOW)).isFalse();
    }
}
