package org.caisse.notification.application;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.caisse.common.keys.KeyLookup;
import org.caisse.common.keys.MerchantKeyClient;
import org.caisse.notification.application.port.in.HandleTransactionEvent;
import org.caisse.notification.application.port.out.DeliveryObserver;
import org.caisse.notification.application.port.out.DeliveryStore;
import org.caisse.notification.domain.AutomaticResponseMessage;
import org.caisse.notification.domain.AutomaticResponseSettings;
import org.caisse.notification.domain.Channel;
import org.caisse.notification.domain.Delivery;
import org.caisse.notification.domain.DeliveryStatus;
import org.caisse.notification.domain.TransactionEvent;
import org.jboss.logging.Logger;

/** Creates the automatic-response delivery of an authorized or refused transaction. */
@ApplicationScoped
public class TransactionEventService implements HandleTransactionEvent {

    private static final Logger LOG = Logger.getLogger(TransactionEventService.class);

    private final DeliveryStore store;
    private final MerchantKeyClient keys;
    private final DeliveryObserver observer;
    private final Clock clock;

    public TransactionEventService(DeliveryStore store, MerchantKeyClient keys, DeliveryObserver observer,
            Clock clock) {
        this.store = store;
        this.keys = keys;
        this.observer = observer;
        this.clock = clock;
    }

    @Override
    public Uni<Result> handle(TransactionEvent event) {
        return switch (AutomaticResponseSettings.fromSnapshot(event.snapshot())) {
            case AutomaticResponseSettings.NotWanted ignored -> Uni.createFrom().item(Result.NOTHING_TO_DELIVER);
            case AutomaticResponseSettings.Unbuildable unbuildable -> {
                LOG.warnf("Automatic response of event %s cannot be built: %s", event.eventId(), unbuildable.reason());
                yield record(event, Delivery.unsendable(event.eventId(), event.merchantId(),
                        event.transactionReference(), Channel.AUTOMATIC_RESPONSE, unbuildable.url(),
                        unbuildable.reason(), now()));
            }
            case AutomaticResponseSettings.Wanted wanted -> store.isProcessed(event.eventId())
                    .flatMap(processed -> processed
                            ? Uni.createFrom().item(Result.ALREADY_PROCESSED)
                            : buildAutomaticResponse(event, wanted.settings()).flatMap(d -> record(event, d)));
        };
    }

    private Uni<Delivery> buildAutomaticResponse(TransactionEvent event, AutomaticResponseSettings settings) {
        return Uni.createFrom().completionStage(() -> keys.find(event.merchantId(), settings.keyVersion()))
                .map(lookup -> switch (lookup) {
                    case KeyLookup.Found found -> Delivery.pending(event.eventId(), event.merchantId(),
                            event.transactionReference(), Channel.AUTOMATIC_RESPONSE, settings.url(),
                            AutomaticResponseMessage.compose(event.snapshot(), settings, found.key().secretKey()),
                            now());
                    case KeyLookup.Unknown ignored -> unsendable(event, settings,
                            "merchant key version " + settings.keyVersion() + " is unknown");
                    case KeyLookup.Unusable unusable -> unsendable(event, settings,
                            "merchant key version " + settings.keyVersion() + " is not usable (" + unusable.status()
                                    + ")");
                });
    }

    private Delivery unsendable(TransactionEvent event, AutomaticResponseSettings settings, String reason) {
        LOG.warnf("Automatic response of event %s cannot be sealed: %s", event.eventId(), reason);
        return Delivery.unsendable(event.eventId(), event.merchantId(), event.transactionReference(),
                Channel.AUTOMATIC_RESPONSE, settings.url(), reason, now());
    }

    private Uni<Result> record(TransactionEvent event, Delivery delivery) {
        return store.recordProcessedEvent(event.eventId(), event.type().cloudEventType(), List.of(delivery))
                .map(created -> {
                    if (!created) {
                        return Result.ALREADY_PROCESSED;
                    }
                    if (delivery.status() == DeliveryStatus.FAILED) {
                        observer.failed(delivery.channel());
                    }
                    return Result.DELIVERIES_CREATED;
                });
    }

    private Instant now() {
        return clock.instant();
    }
}
