package org.caisse.authorization.adapter.out.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.caisse.common.event.EventEnvelope;
import org.caisse.common.event.EventEnvelopeCodec;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The dangerous window, made deterministic: relay runs fail after Kafka acknowledged their records and before the
 * database commit (what a crash there does), then the relay runs on. Each outbox event must be on its topic once.
 */
@QuarkusTest
class RelayRecoveryTest {

    @Inject
    Pool pool;

    @Inject
    RelayFaults faults;

    @Inject
    MeterRegistry registry;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    Admin admin;

    @BeforeEach
    void connect() {
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    }

    @AfterEach
    void disconnect() {
        admin.close(Duration.ofSeconds(5));
    }

    FailingRelayCommits failing() {
        return (FailingRelayCommits) faults;
    }

    @Test
    void eventsKafkaKeptFromRunsThatDidNotCommitAreMarkedPublishedNotSentAgain() throws Exception {
        String topic = "test.relay.recovery." + UUID.randomUUID();
        createTopic(topic, 3);
        double recoveredBefore = counter("caisse.outbox.recovered");
        failing().failCommits(topic, 2);

        // more than a batch (100), keys spread over the three partitions
        List<UUID> ids = insertEvents(topic, 130);

        awaitTrue(() -> unpublished(ids) == 0, Duration.ofSeconds(30));
        Map<String, Long> onKafka = countById(topic);

        assertThat(failing().fired(topic)).isEqualTo(2);
        assertThat(onKafka.keySet()).containsExactlyInAnyOrderElementsOf(ids.stream().map(UUID::toString).toList());
        assertThat(onKafka.values()).allMatch(count -> count == 1L);
        assertThat(counter("caisse.outbox.recovered") - recoveredBefore).isGreaterThanOrEqualTo(100);
        assertThat(positions(topic)).hasSize(3);
    }

    @Test
    void aDeletedTopicRecreatedBySendingStartsOverWithoutLosingOrDuplicatingEvents() throws Exception {
        String topic = "test.relay.recreated." + UUID.randomUUID();
        createTopic(topic, 3);
        List<UUID> first = insertEvents(topic, 12);
        awaitTrue(() -> unpublished(first) == 0, Duration.ofSeconds(30));
        String firstTopicId = positions(topic).values().iterator().next();
        double resetsBefore = counter("caisse.outbox.position.resets");

        admin.deleteTopics(List.of(topic)).all().get(10, TimeUnit.SECONDS);
        awaitTrue(() -> !topicExists(topic), Duration.ofSeconds(30));
        // the first run after the deletion re-creates the topic by sending, then fails before its commit
        failing().failCommits(topic, 1);
        List<UUID> second = insertEvents(topic, 9);

        awaitTrue(() -> unpublished(second) == 0, Duration.ofSeconds(60));
        Map<String, Long> onKafka = countById(topic);

        assertThat(failing().fired(topic)).isEqualTo(1);
        assertThat(onKafka.keySet()).containsExactlyInAnyOrderElementsOf(second.stream().map(UUID::toString).toList());
        assertThat(onKafka.values()).allMatch(count -> count == 1L);
        assertThat(counter("caisse.outbox.position.resets")).isGreaterThan(resetsBefore);
        awaitTrue(() -> !positions(topic).isEmpty() && positions(topic).values().stream()
                .allMatch(id -> id != null && !id.equals(firstTopicId)), Duration.ofSeconds(10));
    }

    List<UUID> insertEvents(String topic, int count) {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(UUID.randomUUID());
        }
        pool.withTransaction(conn -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (UUID id : ids) {
                String key = "002001000000009:R" + id.toString().replace("-", "").substring(0, 20);
                byte[] payload = EventEnvelopeCodec.toJson(new EventEnvelope(id.toString(),
                        "/caisse/authorization-service", "org.caisse.test.recovery-probe.v1", Instant.now(), key,
                        Map.of()));
                chain = chain.flatMap(ignored -> conn.preparedQuery(
                                "INSERT INTO outbox (id, topic, record_key, payload) VALUES ($1, $2, $3, $4)")
                        .execute(Tuple.of(id, topic, key, Buffer.buffer(payload))).replaceWithVoid());
            }
            return chain;
        }).await().atMost(Duration.ofSeconds(10));
        return ids;
    }

    long unpublished(List<UUID> ids) {
        return pool.preparedQuery("SELECT count(*) AS n FROM outbox WHERE id = ANY($1) AND published_at IS NULL")
                .execute(Tuple.of(ids.toArray(new UUID[0]))).await().atMost(Duration.ofSeconds(5))
                .iterator().next().getLong("n");
    }

    /** partition → stored topic id */
    Map<Integer, String> positions(String topic) {
        Map<Integer, String> positions = new HashMap<>();
        for (Row row : pool.preparedQuery("SELECT kafka_partition, topic_id FROM relay_position WHERE topic = $1")
                .execute(Tuple.of(topic)).await().atMost(Duration.ofSeconds(5))) {
            positions.put(row.getInteger("kafka_partition"), row.getString("topic_id"));
        }
        return positions;
    }

    double counter(String name) {
        return registry.get(name).counter().count();
    }

    void createTopic(String topic, int partitions) throws Exception {
        try {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
    }

    boolean topicExists(String topic) {
        try {
            return admin.listTopics().names().get(10, TimeUnit.SECONDS).contains(topic);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every record of the topic, counted by outbox id (header). */
    Map<String, Long> countById(String topic) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<String> ids = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))
                    && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    ids.add(OutboxRecords.outboxId(record).map(UUID::toString).orElse("foreign"));
                }
            }
        }
        return ids.stream().collect(Collectors.groupingBy(id -> id, Collectors.counting()));
    }

    static void awaitTrue(BooleanSupplier condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition not met within " + timeout).isLessThan(deadline);
            Thread.sleep(50);
        }
    }
}
