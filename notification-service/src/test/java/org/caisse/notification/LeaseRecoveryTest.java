package org.caisse.notification;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.caisse.notification.application.port.out.DeliveryStore;
import org.caisse.notification.domain.Channel;
import org.caisse.notification.domain.Delivery;
import org.caisse.notification.domain.DeliveryStatus;
import org.caisse.notification.support.Eventually;
import org.caisse.notification.support.FakeMerchantSide;
import org.caisse.notification.support.TransactionEvents;
import org.junit.jupiter.api.Test;

/** A worker that dies after claiming a delivery (e.g. between the POST and the status update) loses nothing. */
@QuarkusTest
class LeaseRecoveryTest {

    @Inject
    DeliveryStore store;

    @Test
    void aDeliveryClaimedByAWorkerThatDiedIsSentAgainWhenItsLeaseEnds() {
        FakeMerchantSide merchantSide = FakeMerchantSide.instance();
        String merchantId = TransactionEvents.randomMerchantId();
        String reference = TransactionEvents.randomReference();
        String receiver = "lease-" + reference;
        Instant now = Instant.now();
        Instant dueLater = now.plusSeconds(30);
        // A pending delivery not due yet, so the running worker leaves it alone until we claim it ourselves.
        Delivery delivery = new Delivery(UUID.randomUUID(), "lease-" + UUID.randomUUID(), merchantId, reference,
                Channel.AUTOMATIC_RESPONSE, merchantSide.receiverUrl(receiver),
                Map.of("Data", "a=b", "Seal", "00", "InterfaceVersion", "HP_2.24", "Encode", ""),
                DeliveryStatus.PENDING, 0, dueLater, null, now, null);
        assertThat(store.recordProcessedEvent(delivery.eventId(), "test", List.of(delivery)).await()
                .atMost(Duration.ofSeconds(10))).isTrue();

        // "Another worker" claims it with a 2 s lease and dies without recording any outcome.
        Instant leaseEnd = Instant.now().plusSeconds(2);
        List<Delivery> claimed = store.claimDue(dueLater, leaseEnd, 1000).await().atMost(Duration.ofSeconds(10));
        assertThat(claimed).extracting(Delivery::id).contains(delivery.id());

        Eventually.await("the re-send after the lease", Duration.ofSeconds(20),
                () -> merchantSide.received(receiver).size() == 1);
        assertThat(Instant.now()).isAfterOrEqualTo(leaseEnd);
        Eventually.await("the delivered state", Duration.ofSeconds(10), () -> store
                .findByMerchant(merchantId, java.util.Optional.of(reference), 10).await().atMost(Duration.ofSeconds(5))
                .get(0).status() == DeliveryStatus.DELIVERED);
        Delivery stored = store.findByMerchant(merchantId, java.util.Optional.of(reference), 10).await()
                .atMost(Duration.ofSeconds(5)).get(0);
        assertThat(stored.attempts()).isEqualTo(1);
        assertThat(stored.payload()).containsEntry("Data", "a=b");
    }
}
