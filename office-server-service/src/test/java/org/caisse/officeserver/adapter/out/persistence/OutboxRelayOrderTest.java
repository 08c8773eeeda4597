package org.caisse.officeserver.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.inject.Inject;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Transaction;
import io.vertx.mutiny.sqlclient.Tuple;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.caisse.common.event.EventEnvelope;
import org.caisse.common.event.EventEnvelopeCodec;
import org.caisse.officeserver.application.outbox.OutboxRelay;
import org.caisse.officeserver.support.FakeDownstreamsResource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** The outbox relay against the real PostgreSQL and Kafka: one relay at a time, rows in insertion order. */
@QuarkusTest
@WithTestResource(value = FakeDownstreamsResource.class, scope = TestResourceScope.GLOBAL)
class OutboxRelayOrderTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Inject
    Pool pool;

    @Inject
    OutboxRelay relay;

    @ConfigProperty(name = "caisse.topics.merchants")
    String merchantsTopic;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private static String newMerchantId() {
        return "8" + String.format("%014d", ThreadLocalRandom.current().nextLong(100_000_000_000_000L));
    }

    private String payload(String merchantId, long version) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("merchantId", merchantId);
        data.put("shopName", "Outbox order " + version);
        data.put("mode", "TEST");
        data.put("allowedUrlPatterns", List.of("https://shop.example"));
        data.put("legacySha256Allowed", false);
        data.put("currencies", List.of("978"));
        data.put("languages", List.of("fr"));
        data.put("defaultLanguage", "fr");
        data.put("version", version);
        EventEnvelope event = new EventEnvelope(UUID.randomUUID().toString(), "/caisse/office-server-service",
                "org.caisse.merchant.updated.v1", Instant.now(), merchantId, data);
        return new String(EventEnvelopeCodec.toJson(event), StandardCharsets.UTF_8);
    }

    private boolean published(UUID id) {
        return pool.preparedQuery("SELECT published_at IS NOT NULL AS done FROM outbox WHERE id = $1")
                .execute(Tuple.of(id)).await().atMost(WAIT).iterator().next().getBoolean("done");
    }

    private List<Long> versionsOnTheTopic(String merchantId, int expected) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, "office-server-test-" + UUID.randomUUID());
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<Long> versions = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(properties, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(merchantsTopic));
            Instant deadline = Instant.now().plusSeconds(30);
            while (versions.size() < expected && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (merchantId.equals(record.key())) {
                        versions.add(((Number) EventEnvelopeCodec.fromJson(record.value()).data().get("version"))
                                .longValue());
                    }
                }
            }
        }
        return versions;
    }

    @Test
    void noRowIsPublishedWhileAnotherRelayHoldsTheLease() throws Exception {
        String merchantId = newMerchantId();
        UUID id = UUID.randomUUID();
        SqlConnection otherRelay = pool.getConnection().await().atMost(WAIT);
        try {
            Transaction lease = otherRelay.begin().await().atMost(WAIT);
            otherRelay.preparedQuery("SELECT pg_advisory_xact_lock($1)")
                    .execute(Tuple.of(PgOutboxStore.RELAY_LOCK_KEY)).await().atMost(WAIT);
            pool.preparedQuery("INSERT INTO outbox (id, topic, record_key, payload) VALUES ($1, $2, $3, $4)")
                    .execute(Tuple.of(id, merchantsTopic, merchantId, payload(merchantId, 1)))
                    .await().atMost(WAIT);

            assertThat(relay.relayOnce().await().atMost(WAIT)).isZero();
            Thread.sleep(2_500); // the scheduled relay (every second in tests) cannot publish it either
            assertThat(published(id)).isFalse();

            lease.rollback().await().atMost(WAIT);
        } finally {
            otherRelay.close().await().atMost(WAIT);
        }
        Instant deadline = Instant.now().plusSeconds(15);
        while (!published(id) && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
        }
        assertThat(published(id)).isTrue();
        assertThat(versionsOnTheTopic(merchantId, 1)).containsExactly(1L);
    }

    @Test
    void rowsArePublishedInInsertionOrderWhateverTheirTimestamps() {
        String merchantId = newMerchantId();
        // Inserted in one transaction, version 1 first, with a creation time later than version 2's.
        pool.withTransaction(connection -> connection.preparedQuery("""
                        INSERT INTO outbox (id, topic, record_key, payload, created_at)
                        VALUES ($1, $2, $3, $4, clock_timestamp() + interval '1 hour')""")
                .execute(Tuple.of(UUID.randomUUID(), merchantsTopic, merchantId, payload(merchantId, 1)))
                .flatMap(first -> connection.preparedQuery(
                                "INSERT INTO outbox (id, topic, record_key, payload) VALUES ($1, $2, $3, $4)")
                        .execute(Tuple.of(UUID.randomUUID(), merchantsTopic, merchantId, payload(merchantId, 2)))))
                .await().atMost(WAIT);

        assertThat(versionsOnTheTopic(merchantId, 2)).containsExactly(1L, 2L);
    }
}
