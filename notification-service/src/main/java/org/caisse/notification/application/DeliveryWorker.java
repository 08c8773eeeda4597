package org.caisse.notification.application;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import org.caisse.notification.application.port.out.DeliveryChannel;
import org.caisse.notification.application.port.out.DeliveryObserver;
import org.caisse.notification.application.port.out.DeliveryStore;
import org.caisse.notification.config.DeliveryConfig;
import org.caisse.notification.domain.AttemptOutcome;
import org.caisse.notification.domain.Channel;
import org.caisse.notification.domain.Delivery;
import org.caisse.notification.domain.DeliveryStatus;
import org.caisse.notification.domain.RetryLadder;
import org.jboss.logging.Logger;

/**
 * Sends the deliveries that are due. At-least-once: a delivery is leased in a committed transaction before it is
 * sent, and its outcome is stored after; a crash in between lets the lease run out and the delivery is sent again.
 */
@ApplicationScoped
public class DeliveryWorker {

    private static final Logger LOG = Logger.getLogger(DeliveryWorker.class);

    private final DeliveryStore store;
    private final Map<Channel, DeliveryChannel> channels = new EnumMap<>(Channel.class);
    private final DeliveryObserver observer;
    private final DeliveryConfig config;
    private final RetryLadder ladder;
    private final Clock clock;
    private final AtomicBoolean running = new AtomicBoolean();

    public DeliveryWorker(DeliveryStore store, Instance<DeliveryChannel> channels, DeliveryObserver observer,
            DeliveryConfig config, Clock clock) {
        this.store = store;
        channels.forEach(channel -> this.channels.put(channel.channel(), channel));
        this.observer = observer;
        this.config = config;
        this.ladder = RetryLadder.parse(config.retryLadder(), config.jitter());
        this.clock = clock;
        if (config.lease().compareTo(config.timeout()) <= 0) {
            throw new IllegalStateException("caisse.delivery.lease must be longer than caisse.delivery.timeout");
        }
    }

    /** The ladder in force. */
    public RetryLadder ladder() {
        return ladder;
    }

    /**
     * Claims and sends one batch of due deliveries; does nothing when a previous run of this process is still busy.
     *
     * @return how many deliveries were attempted
     */
    public Uni<Integer> deliverDue() {
        if (!running.compareAndSet(false, true)) {
            return Uni.createFrom().item(0);
        }
        Instant now = clock.instant();
        return store.claimDue(now, now.plus(config.lease()), config.batchSize())
                .flatMap(this::attemptAll)
                .onTermination().invoke(() -> running.set(false));
    }

    private Uni<Integer> attemptAll(List<Delivery> claimed) {
        if (claimed.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        List<Uni<Void>> attempts = claimed.stream().map(this::attempt).toList();
        return Uni.join().all(attempts).andCollectFailures().replaceWith(claimed.size())
                .onFailure().recoverWithItem(failure -> {
                    LOG.warnf("Some delivery outcomes could not be stored (%s); they will be retried after their lease",
                            failure.getClass().getSimpleName());
                    return claimed.size();
                });
    }

    private Uni<Void> attempt(Delivery delivery) {
        DeliveryChannel channel = channels.get(delivery.channel());
        Uni<AttemptOutcome> outcome = channel == null
                ? Uni.createFrom().item(AttemptOutcome.failed("no sender for channel " + delivery.channel()))
                : channel.send(delivery).onFailure().recoverWithItem(
                        failure -> AttemptOutcome.failed("send error: " + failure.getClass().getSimpleName()));
        return outcome.flatMap(result -> {
            Delivery.AttemptRecorded recorded = delivery.afterAttempt(result, clock.instant(), ladder,
                    ThreadLocalRandom.current().nextDouble());
            return store.recordAttempt(recorded).invoke(stored -> report(recorded, stored));
        }).replaceWithVoid();
    }

    private void report(Delivery.AttemptRecorded recorded, boolean stored) {
        Delivery after = recorded.after();
        if (!stored) {
            LOG.infof("Delivery %s changed while it was being sent; outcome of attempt %d dropped", after.id(),
                    recorded.attempt().number());
            return;
        }
        if (after.status() == DeliveryStatus.DELIVERED) {
            observer.delivered(after.channel());
            LOG.infof("Delivery %s delivered at attempt %d", after.id(), after.attempts());
        } else if (after.status() == DeliveryStatus.FAILED) {
            observer.failed(after.channel());
            LOG.warnf("Delivery %s failed for good after %d attempts: %s", after.id(), after.attempts(),
                    after.lastError());
        } else {
            LOG.infof("Delivery %s attempt %d failed (%s); next at %s", after.id(), after.attempts(),
                    after.lastError(), after.nextAttemptAt());
        }
    }

    /** Refreshes the open-deliveries gauge. */
    public Uni<Void> refreshOpenCount() {
        return store.countOpen().invoke(observer::openDeliveries).replaceWithVoid();
    }
}
