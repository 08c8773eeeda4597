package org.caisse.authorization;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.caisse.common.event.EventEnvelope;
import org.caisse.common.event.EventEnvelopeCodec;

/** Reads a topic from its end at creation: what a test's actions publish afterwards, nothing older. */
public final class TopicProbe implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> consumer;
    private final String topic;

    public TopicProbe(String bootstrapServers, String topic) {
        this.topic = topic;
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "authorization-probe-" + UUID.randomUUID());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = List.of();
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        // a topic nobody wrote to yet is created by the broker on this first metadata request: ask until it exists
        while (partitions.isEmpty() && System.nanoTime() < deadline) {
            partitions = consumer.partitionsFor(topic, Duration.ofSeconds(5)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
        }
        if (partitions.isEmpty()) {
            throw new IllegalStateException("topic " + topic + " has no partitions");
        }
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position); // resolve the end offsets now, before the test acts
    }

    /** Waits until {@code expected} envelopes matching {@code filter} arrived (fails after 60 s). */
    public List<EventEnvelope> await(Predicate<EventEnvelope> filter, int expected) {
        List<EventEnvelope> found = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (found.size() < expected && System.nanoTime() < deadline) {
            consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                EventEnvelope envelope = EventEnvelopeCodec.fromJson(record.value());
                if (filter.test(envelope)) {
                    found.add(envelope);
                }
            });
        }
        assertThat(found).as("events on %s", topic).hasSize(expected);
        return found;
    }

    /** Everything matching {@code filter} that arrives within {@code window}. */
    public List<EventEnvelope> collect(Predicate<EventEnvelope> filter, Duration window) {
        List<EventEnvelope> found = new ArrayList<>();
        long deadline = System.nanoTime() + window.toNanos();
        while (System.nanoTime() < deadline) {
            consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                EventEnvelope envelope = EventEnvelopeCodec.fromJson(record.value());
                if (filter.test(envelope)) {
                    found.add(envelope);
                }
            });
        }
        return found;
    }

    @Override
    public void close() {
        consumer.close();
    }
}
