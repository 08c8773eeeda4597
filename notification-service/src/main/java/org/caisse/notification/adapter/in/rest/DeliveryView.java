package org.caisse.notification.adapter.in.rest;

import java.time.Instant;
import java.util.UUID;
import org.caisse.notification.domain.Delivery;

/** A delivery as support sees it: state and attempts, never the payload (shopper data, seal). */
public record DeliveryView(UUID id, String eventId, String transactionReference, String channel, String endpoint,
        String status, int attempts, String lastError, Instant nextAttemptAt, Instant createdAt, Instant deliveredAt) {

    static DeliveryView of(Delivery delivery) {
        return new DeliveryView(delivery.id(), delivery.eventId(), delivery.transactionReference(),
                delivery.channel().name(), delivery.endpoint(), delivery.status().name(), delivery.attempts(),
                delivery.lastError(), delivery.nextAttemptAt(), delivery.createdAt(), delivery.deliveredAt());
    }
}
