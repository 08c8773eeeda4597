package org.caisse.notification;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.caisse.notification.application.port.out.DeliveryStore;
import org.caisse.notification.domain.AutomaticResponseEndpoint;
import org.caisse.notification.domain.Channel;
import org.caisse.notification.domain.Delivery;
import org.caisse.notification.domain.DeliveryStatus;
import org.caisse.notification.support.Eventually;
import org.caisse.notification.support.FakeMerchantSide;
import org.caisse.notification.support.TransactionEvents;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Nothing is ever POSTed to an endpoint that is not http(s) or carries user-info, whether the event named it or a
 * delivery already queued holds it: the delivery fails at once with a clear {@code lastError}.
 */
@QuarkusTest
class EndpointGuardTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private static FakeMerchantSide merchantSide;
    private static TransactionEvents events;

    @Inject
    DeliveryStore store;

    @BeforeAll
    static void start() {
        merchantSide = FakeMerchantSide.instance();
        events = new TransactionEvents();
    }

    @AfterAll
    static void stop() {
        events.close();
    }

    static String withUserInfo(String url) {
        return url.replace("http://", "http://user:secret@");
    }

    Delivery only(String merchantId, String reference) {
        List<Delivery> found = store.findByMerchant(merchantId, Optional.of(reference), 10).await()
                .atMost(Duration.ofSeconds(5));
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    boolean hasOneFinal(String merchantId, String reference) {
        List<Delivery> found = store.findByMerchant(merchantId, Optional.of(reference), 10).await()
                .atMost(Duration.ofSeconds(5));
        return found.size() == 1 && !found.get(0).status().isOpen();
    }

    @Test
    void anEventWhoseUrlCarriesUserInfoGivesAFailedDeliveryAndNoPost() {
        String merchantId = TransactionEvents.randomMerchantId();
        String reference = TransactionEvents.randomReference();
        String receiver = "userinfo-event-" + reference;
        events.publish(TransactionEvents.AUTHORIZED, TransactionEvents.snapshot(merchantId, reference, "00",
                TransactionEvents.notification(withUserInfo(merchantSide.receiverUrl(receiver)), 1, "HMAC-SHA-256",
                        null, null)));

        Eventually.await("the failed delivery", WAIT, () -> hasOneFinal(merchantId, reference));
        Delivery delivery = only(merchantId, reference);
        assertThat(delivery.status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(delivery.attempts()).isZero();
        assertThat(delivery.lastError()).isEqualTo(AutomaticResponseEndpoint.USER_INFO);
        assertThat(merchantSide.received(receiver)).isEmpty();
    }

    @Test
    void aQueuedDeliveryToAUserInfoUrlFailsAtItsFirstAttemptWithoutAPost() {
        String merchantId = TransactionEvents.randomMerchantId();
        String reference = TransactionEvents.randomReference();
        String receiver = "userinfo-queued-" + reference;
        queue(merchantId, reference, withUserInfo(merchantSide.receiverUrl(receiver)));

        Eventually.await("the refused delivery", WAIT, () -> hasOneFinal(merchantId, reference));
        Delivery delivery = only(merchantId, reference);
        assertThat(delivery.status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(delivery.attempts()).isEqualTo(1);
        assertThat(delivery.nextAttemptAt()).isNull();
        assertThat(delivery.lastError()).isEqualTo(AutomaticResponseEndpoint.USER_INFO);
        assertThat(merchantSide.received(receiver)).isEmpty();
    }

    @Test
    void aQueuedDeliveryToAnotherSchemeFailsAtItsFirstAttemptWithAClearReason() {
        String merchantId = TransactionEvents.randomMerchantId();
        String reference = TransactionEvents.randomReference();
        queue(merchantId, reference, "ftp://127.0.0.1/merchant/" + reference);

        Eventually.await("the refused delivery", WAIT, () -> hasOneFinal(merchantId, reference));
        Delivery delivery = only(merchantId, reference);
        assertThat(delivery.status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(delivery.attempts()).isEqualTo(1);
        assertThat(delivery.lastError()).isEqualTo(AutomaticResponseEndpoint.NOT_HTTP);
    }

    /** A delivery due now, as a queue written before the guard existed could hold. */
    void queue(String merchantId, String reference, String endpoint) {
        Instant now = Instant.now();
        Delivery delivery = new Delivery(UUID.randomUUID(), "guard-" + UUID.randomUUID(), merchantId, reference,
                Channel.AUTOMATIC_RESPONSE, endpoint,
                Map.of("Data", "a=b", "Seal", "00", "InterfaceVersion", "HP_2.24", "Encode", ""),
                DeliveryStatus.PENDING, 0, now, null, now, null);
        assertThat(store.recordProcessedEvent(delivery.eventId(), "test", List.of(delivery)).await()
                .atMost(Duration.ofSeconds(10))).isTrue();
    }
}
