package org.caisse.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeliveryTest {

    private static final Instant T0 = Instant.parse("2026-11-23T12:00:00Z");
    private static final RetryLadder LADDER = RetryLadder.parse("1m,5m", 0);

    private static Delivery pending() {
        return Delivery.pending("evt-1", "002001000000001", "TREF1", Channel.AUTOMATIC_RESPONSE,
                "https://shop.example/notify", Map.of("Data", "a=b", "Seal", "00"), T0);
    }

    @Test
    void aNewDeliveryIsPendingAndDueAtOnce() {
        Delivery delivery = pending();
        assertThat(delivery.status()).isEqualTo(DeliveryStatus.PENDING);
        assertThat(delivery.attempts()).isZero();
        assertThat(delivery.nextAttemptAt()).isEqualTo(T0);
    }

    @Test
    void aSuccessfulAttemptDeliversAndClearsTheNextAttempt() {
        Delivery.AttemptRecorded recorded = pending().afterAttempt(AttemptOutcome.succeeded("HTTP 204"),
                T0.plusSeconds(1), LADDER, 0.5);
        assertThat(recorded.after().status()).isEqualTo(DeliveryStatus.DELIVERED);
        assertThat(recorded.after().attempts()).isEqualTo(1);
        assertThat(recorded.after().deliveredAt()).isEqualTo(T0.plusSeconds(1));
        assertThat(recorded.after().nextAttemptAt()).isNull();
        assertThat(recorded.attempt()).isEqualTo(new DeliveryAttempt(recorded.after().id(), 1, T0.plusSeconds(1),
                true, "HTTP 204"));
        assertThat(recorded.before().attempts()).isZero();
    }

    @Test
    void aRefusedAttemptFailsForGoodAtOnceEvenWithLadderStepsLeft() {
        Delivery.AttemptRecorded recorded = pending().afterAttempt(
                AttemptOutcome.refused(AutomaticResponseEndpoint.USER_INFO), T0, LADDER, 0.5);
        assertThat(recorded.after().status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(recorded.after().nextAttemptAt()).isNull();
        assertThat(recorded.after().lastError()).isEqualTo(AutomaticResponseEndpoint.USER_INFO);
        assertThat(recorded.attempt().succeeded()).isFalse();
    }

    @Test
    void failuresClimbTheLadderThenFailForGood() {
        Delivery first = pending().afterAttempt(AttemptOutcome.failed("HTTP 500"), T0, LADDER, 0.5).after();
        assertThat(first.status()).isEqualTo(DeliveryStatus.RETRYING);
        assertThat(first.nextAttemptAt()).isEqualTo(T0.plus(Duration.ofMinutes(1)));
        assertThat(first.lastError()).isEqualTo("HTTP 500");

        Delivery second = first.afterAttempt(AttemptOutcome.failed("timeout"), T0, LADDER, 0.5).after();
        assertThat(second.status()).isEqualTo(DeliveryStatus.RETRYING);
        assertThat(second.nextAttemptAt()).isEqualTo(T0.plus(Duration.ofMinutes(5)));

        Delivery third = second.afterAttempt(AttemptOutcome.failed("HTTP 503"), T0, LADDER, 0.5).after();
        assertThat(third.status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(third.attempts()).isEqualTo(3);
        assertThat(third.nextAttemptAt()).isNull();
        assertThat(third.lastError()).isEqualTo("HTTP 503");
    }

    @Test
    void aFinalDeliveryRefusesAnotherAttempt() {
        Delivery delivered = pending().afterAttempt(AttemptOutcome.succeeded("HTTP 200"), T0, LADDER, 0.5).after();
        assertThatThrownBy(() -> delivered.afterAttempt(AttemptOutcome.succeeded("HTTP 200"), T0, LADDER, 0.5))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anUnsendableDeliveryIsFailedWithItsReasonAndNoPayload() {
        Delivery delivery = Delivery.unsendable("evt-2", "002001000000001", "TREF2", Channel.AUTOMATIC_RESPONSE,
                "https://shop.example/notify", "merchant key version 3 is unknown", T0);
        assertThat(delivery.status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(delivery.payload()).isEmpty();
        assertThat(delivery.nextAttemptAt()).isNull();
        assertThat(delivery.lastError()).contains("version 3");
    }

    @Test
    void toStringNeverShowsThePayload() {
        assertThat(pending().toString()).doesNotContain("Seal", "a=b");
    }

    @Test
    void longErrorsAreTruncated() {
        Delivery failed = pending().afterAttempt(AttemptOutcome.failed("x".repeat(2000)), T0, LADDER, 0.5).after();
        assertThat(failed.lastError()).hasSize(Delivery.MAX_ERROR_LENGTH);
    }
}
