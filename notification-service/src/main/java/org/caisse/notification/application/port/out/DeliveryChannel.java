package org.caisse.notification.application.port.out;

import io.smallrye.mutiny.Uni;
import org.caisse.notification.domain.AttemptOutcome;
import org.caisse.notification.domain.Channel;
import org.caisse.notification.domain.Delivery;

/**
 * Sends one delivery through one channel. An implementation never fails its {@link Uni}: every problem
 * (refusal, timeout, network error) is an {@link AttemptOutcome.Failed} with a short detail, or an
 * {@link AttemptOutcome.Refused} when nothing was sent and nothing ever should be.
 */
public interface DeliveryChannel {

    Channel channel();

    Uni<AttemptOutcome> send(Delivery delivery);
}
