package org.caisse.officeserver.adapter.in.kafka;

import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.caisse.common.keys.KeyEventCacheRefresher;
import org.caisse.officeserver.adapter.out.keys.KeyManagementKeyStore;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Drops a merchant's cached seal keys on any key event of {@code caisse.keys.v1}, so a rotation or a deactivation
 * is seen at the next request instead of after the cache TTL. Every instance has its own consumer group (each
 * replica holds its own cache); a record that cannot be handled is logged and skipped, never retried.
 */
@ApplicationScoped
public class KeyEventsConsumer {

    private static final Logger LOG = Logger.getLogger(KeyEventsConsumer.class);

    private final KeyEventCacheRefresher refresher;

    public KeyEventsConsumer(KeyManagementKeyStore keys) {
        this.refresher = new KeyEventCacheRefresher(keys::invalidate);
    }

    @Incoming("key-events")
    public void onKeyEvent(ConsumerRecord<String, byte[]> record) {
        try {
            refresher.onRecord(record.key(), record.value())
                    .ifPresent(merchantId -> LOG.debugf("Cached keys of merchant %s dropped after a key event", merchantId));
        } catch (RuntimeException e) {
            LOG.warnf("Skipped a key event at offset %d (%s)", record.offset(), e.getClass().getSimpleName());
        }
    }
}
