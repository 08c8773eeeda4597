package org.caisse.authorization.adapter.out.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** The Kafka side of the recovery, against the local broker. */
class PublishedLogTest {

    static final String KAFKA = "127.0.0.1:9092";

    @Test
    void anUnreachableKafkaFailsTheCheckWithinItsTimeoutInsteadOfHangingTheRelay() {
        PublishedLog log = new PublishedLog("127.0.0.1:1", Duration.ofSeconds(1));
        try {
            long started = System.nanoTime();
            assertThatThrownBy(() -> log.describe("caisse.transactions.v1"))
                    .isInstanceOf(PublishedLog.KafkaCallException.class);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        } finally {
            log.close();
        }
    }

    @Test
    void aMissingTopicIsDescribedAsAbsent() {
        PublishedLog log = new PublishedLog(KAFKA);
        try {
            assertThat(log.describe("test.relay.absent." + UUID.randomUUID())).isEmpty();
        } finally {
            log.close();
        }
    }

    @Test
    void aScanWithoutPositionsSkipsTheHistoryOlderThanTheOldestUnpublishedRow() throws Exception {
        String topic = "test.relay.scan." + UUID.randomUUID();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", KAFKA))) {
            admin.createTopics(List.of(new NewTopic(topic, 2, (short) 1))).all().get(10, TimeUnit.SECONDS);
        }
        Instant now = Instant.now();
        List<UUID> old = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        List<UUID> recent = List.of(UUID.randomUUID(), UUID.randomUUID());
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA), new StringSerializer(), new ByteArraySerializer())) {
            for (UUID id : old) {
                producer.send(record(topic, id, now.minus(Duration.ofHours(3)))).get();
            }
            producer.send(new ProducerRecord<>(topic, "foreign",
                    "not an outbox record".getBytes(StandardCharsets.UTF_8))).get();
            for (UUID id : recent) {
                producer.send(record(topic, id, now)).get();
            }
        }
        PublishedLog log = new PublishedLog(KAFKA);
        try {
            TopicLog current = log.describe(topic).orElseThrow();
            assertThat(current.endOffsets().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(6);
            RecoveryPlan plan = RecoveryPlan.of(TopicPositions.none(topic), Optional.of(current));

            List<UUID> fromTheStart = new ArrayList<>();
            log.scan(plan, null, fromTheStart::addAll);
            List<UUID> sinceAnHourAgo = new ArrayList<>();
            long read = log.scan(plan, now.minus(Duration.ofHours(1)), sinceAnHourAgo::addAll).read();

            assertThat(fromTheStart).containsExactlyInAnyOrderElementsOf(concat(old, recent));
            assertThat(sinceAnHourAgo).containsExactlyInAnyOrderElementsOf(recent);
            assertThat(read).isLessThan(6);
        } finally {
            log.close();
        }
    }

    static ProducerRecord<String, byte[]> record(String topic, UUID id, Instant timestamp) {
        ProducerRecord<String, byte[]> sent = OutboxRecords.toRecord(
                new PendingEvent(id, topic, "k" + id, new byte[1]));
        return new ProducerRecord<>(topic, null, timestamp.toEpochMilli(), sent.key(), sent.value(), sent.headers());
    }

    static List<UUID> concat(List<UUID> first, List<UUID> second) {
        List<UUID> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }
}
