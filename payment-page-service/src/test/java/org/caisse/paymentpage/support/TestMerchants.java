package org.caisse.paymentpage.support;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.caisse.common.event.EventEnvelope;
import org.caisse.common.event.EventEnvelopeCodec;

/**
 * Test merchants, published as office-server-service would (CloudEvents on the merchants topic), with
 * ids fresh for each run since the test database persists.
 */
public final class TestMerchants {

    /** The broker the application under test uses (the local one, or a container under -Pcontainers). */
    public static String bootstrap() {
        try {
            return org.eclipse.microprofile.config.ConfigProvider.getConfig()
                    .getOptionalValue("kafka.bootstrap.servers", String.class).orElse("127.0.0.1:9092");
        } catch (IllegalStateException noConfigYet) {
            return "127.0.0.1:9092";
        }
    }
    public static final String TOPIC = "test.caisse.merchants.v1";

    /** HMAC only, TEST mode, returns to localhost / 127.0.0.1 on any port. */
    public static final String HMAC_ONLY = randomMerchantId('8');
    /** Accepts the legacy SHA-256 seal form too. */
    public static final String LEGACY_ALLOWED = randomMerchantId('7');
    public static final String SHOP_NAME = "Boutique <Test> & Fils";
    /** HMAC only, PRODUCTION mode: its key version 1 is a TEST key, version 3 a PRODUCTION key. */
    public static final String PRODUCTION_MODE = randomMerchantId('6');

    private TestMerchants() {
    }

    public static String randomMerchantId(char first) {
        StringBuilder id = new StringBuilder().append(first);
        for (int i = 0; i < 14; i++) {
            id.append(ThreadLocalRandom.current().nextInt(10));
        }
        return id.toString();
    }

    public static Map<String, Object> settings(String merchantId, String shopName, boolean legacy) {
        return settings(merchantId, shopName, legacy, "TEST");
    }

    public static Map<String, Object> settings(String merchantId, String shopName, boolean legacy, String mode) {
        return Map.of("merchantId", merchantId, "shopName", shopName, "mode", mode,
                "allowedUrlPatterns", List.of("http://localhost:*", "http://127.0.0.1:*"),
                "legacySha256Allowed", legacy, "currencies", List.of("978", "840"),
                "languages", List.of("fr", "en"), "defaultLanguage", "fr");
    }

    /** Publishes a merchant settings event; returns its id. */
    public static String publish(Map<String, Object> settings, Instant time) {
        String id = UUID.randomUUID().toString();
        String merchantId = (String) settings.get("merchantId");
        byte[] value = EventEnvelopeCodec.toJson(new EventEnvelope(id, "/caisse/office-server-service",
                "org.caisse.merchant.updated.v1", time, merchantId, settings));
        send(merchantId, value);
        return id;
    }

    public static void send(String key, byte[] value) {
        try (var producer = new KafkaProducer<String, byte[]>(Map.of("bootstrap.servers", bootstrap()),
                new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(TOPIC, key, value)).get();
        } catch (Exception e) {
            throw new IllegalStateException("cannot publish to " + TOPIC, e);
        }
    }

    /** Waits until the merchant's cached settings carry the event id. */
    public static void awaitStored(Pool pool, String merchantId, String eventId) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            String stored = storedEventId(pool, merchantId);
            if (Objects.equals(stored, eventId)) {
                return;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("merchant settings event " + eventId + " never reached the cache");
    }

    public static String storedEventId(Pool pool, String merchantId) {
        var rows = pool.preparedQuery("SELECT event_id FROM merchant_settings WHERE merchant_id = $1")
                .execute(Tuple.of(merchantId)).await().atMost(Duration.ofSeconds(10));
        var it = rows.iterator();
        return it.hasNext() ? it.next().getString("event_id") : null;
    }

    public static String storedShopName(Pool pool, String merchantId) {
        var rows = pool.preparedQuery("SELECT settings->>'shopName' AS shop FROM merchant_settings WHERE merchant_id = $1")
                .execute(Tuple.of(merchantId)).await().atMost(Duration.ofSeconds(10));
        var it = rows.iterator();
        return it.hasNext() ? it.next().getString("shop") : null;
    }
}
