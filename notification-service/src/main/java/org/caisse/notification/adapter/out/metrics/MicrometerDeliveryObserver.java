package org.caisse.notification.adapter.out.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.caisse.notification.application.port.out.DeliveryObserver;
import org.caisse.notification.domain.Channel;

/**
 * Metrics: {@code caisse_notification_deliveries_delivered_total} and {@code ..._failed_total} (tag {@code channel}),
 * and the gauge {@code caisse_notification_deliveries_pending} (open deliveries, refreshed periodically).
 */
@ApplicationScoped
public class MicrometerDeliveryObserver implements DeliveryObserver {

    private final Map<Channel, Counter> delivered = new EnumMap<>(Channel.class);
    private final Map<Channel, Counter> failed = new EnumMap<>(Channel.class);
    private final AtomicLong open = new AtomicLong();

    public MicrometerDeliveryObserver(MeterRegistry registry) {
        for (Channel channel : Channel.values()) {
            delivered.put(channel, Counter.builder("caisse.notification.deliveries.delivered")
                    .description("Deliveries acknowledged by their recipient")
                    .tag("channel", channel.name()).register(registry));
            failed.put(channel, Counter.builder("caisse.notification.deliveries.failed")
                    .description("Deliveries given up after the last attempt, or that could not be built")
                    .tag("channel", channel.name()).register(registry));
        }
        Gauge.builder("caisse.notification.deliveries.pending", open, AtomicLong::get)
                .description("Deliveries waiting for an attempt (pending or retrying)")
                .register(registry);
    }

    @Override
    public void delivered(Channel channel) {
        delivered.get(channel).increment();
    }

    @Override
    public void failed(Channel channel) {
        failed.get(channel).increment();
    }

    @Override
    public void openDeliveries(long count) {
        open.set(count);
    }
}
