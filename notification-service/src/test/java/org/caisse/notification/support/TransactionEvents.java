package org.caisse.notification.support;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.caisse.common.event.EventEnvelope;
import org.caisse.common.event.EventEnvelopeCodec;

/** Publishes transaction events to the test topic as authorization-service would (plain Kafka producer). */
public final class TransactionEvents implements AutoCloseable {

    public static final String TOPIC = "test.caisse.transactions.v1";
    public static final String AUTHORIZED = "org.caisse.transaction.authorized.v1";
    public static final String REFUSED = "org.caisse.transaction.refused.v1";
    public static final String CANCELLED = "org.caisse.transaction.cancelled.v1";

    private final KafkaProducer<String, byte[]> producer;

    public TransactionEvents() {
        Properties properties = new Properties();
        // The broker the application under test uses (the local one, or a container under -Pcontainers).
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, org.eclipse.microprofile.config.ConfigProvider
                .getConfig().getOptionalValue("kafka.bootstrap.servers", String.class).orElse("127.0.0.1:9092"));
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        producer = new KafkaProducer<>(properties);
    }

    /** A random 15-digit merchant id, so that tests never share keys or deliveries across runs. */
    public static String randomMerchantId() {
        return "9" + String.format("%014d", ThreadLocalRandom.current().nextLong(100_000_000_000_000L));
    }

    public static String randomReference() {
        return "T" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
    }

    /** A transaction snapshot of docs/platform-contracts.md; {@code notification} may be null. */
    public static Map<String, Object> snapshot(String merchantId, String reference, String responseCode,
            Map<String, Object> notification) {
        Map<String, Object> snapshot = new LinkedHashMap<>();
        snapshot.put("merchantId", merchantId);
        snapshot.put("transactionReference", reference);
        snapshot.put("status", "00".equals(responseCode) ? "TO_CAPTURE" : "REFUSED");
        snapshot.put("responseCode", responseCode);
        snapshot.put("acquirerResponseCode", responseCode);
        if ("00".equals(responseCode)) {
            snapshot.put("authorisationId", "123456");
        }
        snapshot.put("amount", 1050);
        snapshot.put("currentAmount", 1050);
        snapshot.put("currencyCode", "978");
        snapshot.put("captureMode", "AUTHOR_CAPTURE");
        snapshot.put("captureDay", 0);
        snapshot.put("captureLimitDate", "20261123");
        snapshot.put("orderChannel", "INTERNET");
        snapshot.put("transactionDateTime", "2026-11-23T12:00:00+01:00");
        snapshot.put("maskedPan", "4100##########05");
        snapshot.put("panExpiryDate", "202812");
        snapshot.put("paymentMeanBrand", "VISA");
        snapshot.put("paymentMeanType", "CARD");
        snapshot.put("cardCSCResultCode", "4D");
        snapshot.put("holderAuthentStatus", "NOT_SPECIFIED");
        snapshot.put("orderId", "ORDER-1");
        snapshot.put("customerEmail", "shopper@example.org");
        snapshot.put("paymentPattern", "ONE_SHOT");
        snapshot.put("lastOperation", Map.of("name", "AUTHORIZATION", "amount", 1050,
                "dateTime", "2026-11-23T12:00:00+01:00"));
        if (notification != null) {
            snapshot.put("notification", notification);
        }
        return snapshot;
    }

    /** The snapshot's {@code notification} object; null values are left out. */
    public static Map<String, Object> notification(String url, Integer keyVersion, String sealAlgorithm,
            String responseEncoding, String interfaceVersion) {
        Map<String, Object> notification = new LinkedHashMap<>();
        notification.put("automaticResponseUrl", url);
        notification.put("keyVersion", keyVersion);
        notification.put("sealAlgorithm", sealAlgorithm);
        notification.put("responseEncoding", responseEncoding);
        notification.put("interfaceVersion", interfaceVersion);
        return notification;
    }

    /** Publishes a CloudEvents envelope keyed {@code merchantId:transactionReference}; returns the event id. */
    public String publish(String eventId, String type, Map<String, Object> snapshot) {
        return publishWithKey(snapshot.get("merchantId") + ":" + snapshot.get("transactionReference"), eventId, type,
                snapshot);
    }

    /** Publishes with an explicit record key (for snapshots that lack the key's parts). */
    public String publishWithKey(String key, String eventId, String type, Map<String, Object> snapshot) {
        EventEnvelope envelope = new EventEnvelope(eventId, "/caisse/authorization-service", type, Instant.now(), key,
                snapshot);
        publishRaw(key, EventEnvelopeCodec.toJson(envelope));
        return eventId;
    }

    public String publish(String type, Map<String, Object> snapshot) {
        return publish(UUID.randomUUID().toString(), type, snapshot);
    }

    /** Publishes any bytes (to test malformed records). */
    public void publishRaw(String key, byte[] value) {
        try {
            producer.send(new ProducerRecord<>(TOPIC, key, value)).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot publish to " + TOPIC, e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
