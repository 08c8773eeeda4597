package org.caisse.authorization.adapter.out.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.caisse.common.event.EventEnvelope;
import org.caisse.common.event.EventEnvelopeCodec;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OutboxOrderingTest {

    @Inject
    Pool pool;

    @ConfigProperty(name = "caisse.topics.transactions")
    String topic;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void eventsOfOneTransactionArePublishedInInsertOrderEvenWhenTheClockWentBackBetweenThem() {
        String key = "002001000000009:ORDER" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        Instant now = Instant.now();
        // Written in this order by one database transaction; the clock was set back one hour between the two.
        List<UUID> written = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        List<Instant> clock = List.of(now, now.minus(Duration.ofHours(1)), now.minus(Duration.ofHours(2)));
        pool.withTransaction(conn -> {
            var chain = io.smallrye.mutiny.Uni.createFrom().voidItem();
            for (int i = 0; i < written.size(); i++) {
                UUID id = written.get(i);
                Instant at = clock.get(i);
                byte[] payload = EventEnvelopeCodec.toJson(new EventEnvelope(id.toString(),
                        "/caisse/authorization-service", "org.caisse.test.ordering-probe.v1", at, key,
                        Map.of("step", i)));
                chain = chain.flatMap(ignored -> conn.preparedQuery(
                                "INSERT INTO outbox (id, topic, record_key, payload, created_at) VALUES ($1, $2, $3, $4, $5)")
                        .execute(Tuple.of(id, topic, key, Buffer.buffer(payload), OffsetDateTime.ofInstant(at,
                                ZoneOffset.UTC)))
                        .replaceWithVoid());
            }
            return chain;
        }).await().atMost(Duration.ofSeconds(10));

        assertThat(publishedIds(key, written.size()))
                .containsExactlyElementsOf(written.stream().map(UUID::toString).toList());
    }

    List<String> publishedIds(String key, int expected) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "authorization-ordering-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<String> ids = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (ids.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (key.equals(record.key())) {
                        ids.add(EventEnvelopeCodec.fromJson(record.value()).id());
                    }
                }
            }
        }
        return ids;
    }
}
