package org.caisse.paymentpage;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.caisse.paymentpage.support.FakePlatformServices;
import org.caisse.paymentpage.support.TestMerchants;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(FakePlatformServices.class)
class MerchantSettingsConsumerTest {

    @Inject
    Pool pool;

    @Test
    void malformedEventsAreSkippedAndTheConsumerGoesOn() {
        String merchant = TestMerchants.randomMerchantId('5');
        TestMerchants.send(merchant, "not json at all".getBytes(StandardCharsets.UTF_8));
        TestMerchants.send(merchant, "{\"specversion\":\"1.0\"}".getBytes(StandardCharsets.UTF_8));
        TestMerchants.publish(Map.of("merchantId", merchant, "allowedUrlPatterns", "not a list"), Instant.now());
        TestMerchants.publish(Map.of("merchantId", "12"), Instant.now());

        String valid = TestMerchants.publish(TestMerchants.settings(merchant, "After the garbage", false), Instant.now());

        TestMerchants.awaitStored(pool, merchant, valid);
        assertThat(TestMerchants.storedShopName(pool, merchant)).isEqualTo("After the garbage");
    }

    @Test
    void anOlderEventNeverReplacesNewerSettings() {
        String merchant = TestMerchants.randomMerchantId('4');
        Instant now = Instant.now();
        String newer = TestMerchants.publish(TestMerchants.settings(merchant, "Newer name", false), now);
        TestMerchants.awaitStored(pool, merchant, newer);

        TestMerchants.publish(TestMerchants.settings(merchant, "Older name", false), now.minus(1, ChronoUnit.HOURS));
        String marker = TestMerchants.randomMerchantId('3');
        String markerEvent = TestMerchants.publish(TestMerchants.settings(marker, "marker", false), Instant.now());
        TestMerchants.awaitStored(pool, marker, markerEvent); // the older event was consumed before this one

        assertThat(TestMerchants.storedShopName(pool, merchant)).isEqualTo("Newer name");
        assertThat(TestMerchants.storedEventId(pool, merchant)).isEqualTo(newer);
    }

    @Test
    void aNewerEventUpdatesTheSettings() {
        String merchant = TestMerchants.randomMerchantId('2');
        Instant now = Instant.now();
        TestMerchants.awaitStored(pool, merchant,
                TestMerchants.publish(TestMerchants.settings(merchant, "First", false), now.minusSeconds(10)));
        String second = TestMerchants.publish(Map.of("merchantId", merchant, "shopName", "Second", "mode", "TEST",
                "allowedUrlPatterns", List.of("https://shop.example:*"), "legacySha256Allowed", true), now);
        TestMerchants.awaitStored(pool, merchant, second);
        assertThat(TestMerchants.storedShopName(pool, merchant)).isEqualTo("Second");
    }
}
