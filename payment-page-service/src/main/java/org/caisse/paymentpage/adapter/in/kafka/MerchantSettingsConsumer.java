package org.caisse.paymentpage.adapter.in.kafka;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.caisse.common.event.EventEnvelope;
import org.caisse.common.event.EventEnvelopeCodec;
import org.caisse.common.event.InvalidEventException;
import org.caisse.paymentpage.application.MerchantSettingsUpdater;
import org.caisse.paymentpage.domain.MerchantSettings;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Consumes merchant settings events ({@code org.caisse.merchant.updated.v1}) into the local cache.
 * A malformed event is logged (never its content) and skipped. A record is acknowledged only once its
 * settings are stored: a storage failure is retried in place with a growing back-off, never skipped (records
 * of the partition wait behind it, and a restart re-reads it).
 */
@ApplicationScoped
public class MerchantSettingsConsumer {

    static final String MERCHANT_UPDATED = "org.caisse.merchant.updated.v1";
    private static final Logger LOG = Logger.getLogger(MerchantSettingsConsumer.class);

    private final MerchantSettingsUpdater updater;
    private final Duration initialBackOff;
    private final Duration maxBackOff;

    public MerchantSettingsConsumer(MerchantSettingsUpdater updater,
            @ConfigProperty(name = "caisse.consumer.retry-initial-back-off", defaultValue = "1s") Duration initialBackOff,
            @ConfigProperty(name = "caisse.consumer.retry-max-back-off", defaultValue = "30s") Duration maxBackOff) {
        this.updater = updater;
        this.initialBackOff = initialBackOff;
        this.maxBackOff = maxBackOff;
    }

    @Incoming("merchants")
    public Uni<Void> consume(Message<byte[]> message) {
        return onEvent(message.getPayload())
                .flatMap(stored -> Uni.createFrom().completionStage(message::ack));
    }

    /** Completes once the event is stored or skipped; retries a storage failure for ever. */
    Uni<Void> onEvent(byte[] value) {
        EventEnvelope envelope;
        MerchantSettings settings;
        try {
            if (value == null) {
                LOG.warn("Skipped a merchant event without a value");
                return Uni.createFrom().voidItem();
            }
            envelope = EventEnvelopeCodec.fromJson(value);
            if (!MERCHANT_UPDATED.equals(envelope.type())) {
                LOG.debugf("Skipped event %s of type %s", envelope.id(), envelope.type());
                return Uni.createFrom().voidItem();
            }
            if (envelope.time() == null) {
                LOG.warnf("Skipped merchant event %s without a time", envelope.id());
                return Uni.createFrom().voidItem();
            }
            settings = MerchantSettings.fromDocument(envelope.data());
        } catch (InvalidEventException e) {
            LOG.warn("Skipped a merchant event that is not a valid CloudEvents envelope");
            return Uni.createFrom().voidItem();
        } catch (IllegalArgumentException e) {
            LOG.warnf("Skipped a merchant event whose data is malformed (field %s)", e.getMessage());
            return Uni.createFrom().voidItem();
        } catch (RuntimeException e) {
            LOG.warnf("Skipped an unreadable merchant event (%s)", e.getClass().getSimpleName());
            return Uni.createFrom().voidItem();
        }
        return Uni.createFrom().deferred(() -> updater.apply(settings, envelope.id(), envelope.time()))
                .onFailure().invoke(e -> LOG.warnf("Could not store merchant %s settings from event %s yet (%s); retrying",
                        settings.merchantId(), envelope.id(), e.getClass().getSimpleName()))
                .onFailure().retry().withBackOff(initialBackOff, maxBackOff).indefinitely()
                .invoke(stored -> LOG.infof(stored ? "Merchant %s settings updated from event %s"
                        : "Merchant %s settings event %s is older than the stored one; ignored", settings.merchantId(), envelope.id()))
                .replaceWithVoid();
    }
}
