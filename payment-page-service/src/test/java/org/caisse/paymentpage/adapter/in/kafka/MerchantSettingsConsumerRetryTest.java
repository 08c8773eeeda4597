package org.caisse.paymentpage.adapter.in.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.mutiny.Uni;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.caisse.common.event.EventEnvelope;
import org.caisse.common.event.EventEnvelopeCodec;
import org.caisse.paymentpage.application.MerchantSettingsUpdater;
import org.caisse.paymentpage.application.port.out.MerchantSettingsStore;
import org.caisse.paymentpage.domain.MerchantSettings;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.Test;

class MerchantSettingsConsumerRetryTest {

    /** Fails the first {@code failures} writes (as a database that is down), then stores. */
    static final class FlakyStore implements MerchantSettingsStore {
        final AtomicInteger calls = new AtomicInteger();
        final int failures;
        volatile MerchantSettings stored;

        FlakyStore(int failures) {
            this.failures = failures;
        }

        @Override
        public Uni<Optional<MerchantSettings>> find(String merchantId) {
            return Uni.createFrom().item(Optional.ofNullable(stored));
        }

        @Override
        public Uni<Boolean> upsertIfNewer(MerchantSettings settings, String eventId, Instant eventTime) {
            if (calls.incrementAndGet() <= failures) {
                return Uni.createFrom().failure(new IllegalStateException("database down"));
            }
            stored = settings;
            return Uni.createFrom().item(true);
        }
    }

    private static MerchantSettingsConsumer consumer(FlakyStore store) {
        return new MerchantSettingsConsumer(new MerchantSettingsUpdater(store), Duration.ofMillis(10), Duration.ofMillis(50));
    }

    private static byte[] event(Map<String, Object> settings) {
        return EventEnvelopeCodec.toJson(new EventEnvelope("ev-1", "/caisse/office-server-service",
                MerchantSettingsConsumer.MERCHANT_UPDATED, Instant.now(), "002001000000001", settings));
    }

    private static Map<String, Object> settings(List<String> patterns) {
        return Map.of("merchantId", "002001000000001", "shopName", "Shop", "mode", "TEST",
                "allowedUrlPatterns", patterns, "currencies", List.of("978"));
    }

    private static Message<byte[]> message(byte[] payload, AtomicBoolean acked) {
        return Message.of(payload, () -> {
            acked.set(true);
            return CompletableFuture.completedFuture(null);
        });
    }

    @Test
    void aStorageFailureIsRetriedInPlaceAndTheRecordAcknowledgedOnlyOnceStored() {
        FlakyStore store = new FlakyStore(3);
        AtomicBoolean acked = new AtomicBoolean();
        consumer(store).consume(message(event(settings(List.of("https://shop.example"))), acked))
                .await().atMost(Duration.ofSeconds(10));
        assertThat(store.calls.get()).isEqualTo(4);
        assertThat(store.stored.shopName()).isEqualTo("Shop");
        assertThat(acked).isTrue();
    }

    @Test
    void aRecordIsNeverAcknowledgedWhileTheStorageKeepsFailing() throws Exception {
        FlakyStore store = new FlakyStore(Integer.MAX_VALUE);
        AtomicBoolean acked = new AtomicBoolean();
        var subscription = consumer(store).consume(message(event(settings(List.of("https://shop.example"))), acked))
                .subscribe().with(x -> { }, e -> { });
        Thread.sleep(500);
        subscription.cancel();
        assertThat(store.calls.get()).isGreaterThan(2);
        assertThat(acked).isFalse();
    }

    @Test
    void aMalformedRecordIsAcknowledgedAndSkippedWithoutTouchingTheStore() {
        FlakyStore store = new FlakyStore(0);
        AtomicBoolean acked = new AtomicBoolean();
        consumer(store).consume(message("not json".getBytes(StandardCharsets.UTF_8), acked)).await().atMost(Duration.ofSeconds(5));
        assertThat(acked).isTrue();
        assertThat(store.calls.get()).isZero();
    }

    @Test
    void settingsWithAnInvalidUrlPatternAreSkippedAndThePreviousSettingsKept() {
        FlakyStore store = new FlakyStore(0);
        consumer(store).consume(message(event(settings(List.of("https://shop.example"))), new AtomicBoolean()))
                .await().atMost(Duration.ofSeconds(5));
        AtomicBoolean acked = new AtomicBoolean();
        consumer(store).consume(message(event(settings(List.of("https://shop.example/with/path"))), acked))
                .await().atMost(Duration.ofSeconds(5));
        assertThat(acked).isTrue();
        assertThat(store.calls.get()).isEqualTo(1);
        assertThat(store.stored.allowedUrlPatterns()).containsExactly("https://shop.example");
    }
}
