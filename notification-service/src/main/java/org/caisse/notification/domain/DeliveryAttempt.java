package org.caisse.notification.domain;

import java.time.Instant;
import java.util.UUID;

/** One try at sending a delivery, kept for support and for the replay tools. */
public record DeliveryAttempt(UUID deliveryId, int number, Instant attemptedAt, boolean succeeded, String detail) {
}
