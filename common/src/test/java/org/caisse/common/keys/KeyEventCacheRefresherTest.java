package org.caisse.common.keys;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.caisse.common.event.EventEnvelope;
import org.caisse.common.event.EventEnvelopeCodec;
import org.junit.jupiter.api.Test;

class KeyEventCacheRefresherTest {

    private final List<String> invalidated = new ArrayList<>();
    private final KeyEventCacheRefresher refresher = new KeyEventCacheRefresher(invalidated::add);

    @Test
    void aKeyEventInvalidatesItsMerchant() {
        byte[] value = event("org.caisse.key.activated.v1", "002001000000001");
        assertThat(refresher.onRecord("002001000000001", value)).contains("002001000000001");
        assertThat(invalidated).containsExactly("002001000000001");
    }

    @Test
    void theSubjectNamesTheMerchantWhenTheRecordHasNoKey() {
        assertThat(refresher.onRecord(null, event("org.caisse.key.deactivated.v1", "900000000000009")))
                .contains("900000000000009");
    }

    @Test
    void otherEventTypesAreIgnoredAndUnreadableValuesStillInvalidateByKey() {
        assertThat(refresher.onRecord("002001000000001", event("org.caisse.transaction.created.v1",
                "002001000000001"))).isEmpty();
        assertThat(refresher.onRecord("002001000000001", "not json".getBytes())).contains("002001000000001");
        assertThat(refresher.onRecord("garbage", "not json".getBytes())).isEmpty();
        assertThat(invalidated).containsExactly("002001000000001");
    }

    @Test
    void invalidatesTheCachingClient() {
        CachingMerchantKeyClient client = new CachingMerchantKeyClient(java.net.URI.create("http://127.0.0.1:9"),
                () -> null, java.time.Duration.ofMinutes(5));
        assertThat(new KeyEventCacheRefresher(client).onRecord("002001000000001",
                event("org.caisse.key.deprecated.v1", "002001000000001"))).contains("002001000000001");
    }

    private static byte[] event(String type, String merchantId) {
        return EventEnvelopeCodec.toJson(new EventEnvelope("id-" + System.nanoTime(), "/caisse/key-management-service",
                type, Instant.now(), merchantId, Map.of("merchantId", merchantId)));
    }
}
