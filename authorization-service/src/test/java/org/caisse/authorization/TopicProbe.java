package org.caisse.authorization;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
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
    /** Everything polled and not taken yet, in arrival order. */
    private final List<EventEnvelope> received = new ArrayList<>();

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

    /**
     * Waits until {@code expected} envelopes matching {@code filter} arrived (fails after 60 s) and takes them. One poll
     * brings whatever arrived: what does not match stays for the next call.
     */
    public List<EventEnvelope> await(Predicate<EventEnvelope> filter, int expected) {
        List<EventEnvelope> found = take(filter);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (found.size() < expected && System.nanoTime() < deadline) {
            pollOnce();
            found.addAll(take(filter));
        }
        assertThat(found).as("events on %s", topic).hasSize(expected);
        return found;
    }

    /** Takes everything matching {@code filter} that arrived so far or arrives within {@code window}. */
    public List<EventEnvelope> collect(Predicate<EventEnvelope> filter, Duration window) {
        List<EventEnvelope> found = take(filter);
        long deadline = System.nanoTime() + window.toNanos();
        while (System.nanoTime() < deadline) {
            pollOnce();
            found.addAll(take(filter));
        }
        return found;
    }

    private void pollOnce() {
        consumer.poll(Duration.ofMillis(200)).forEach(record -> received.add(EventEnvelopeCodec.fromJson(record.value())));
    }

    private List<EventEnvelope> take(Predicate<EventEnvelope> filter) {
        List<EventEnvelope> taken = new ArrayList<>();
        for (Iterator<EventEnvelope> it = received.iterator(); it.hasNext(); ) {
            EventEnvelope envelope = it.next();
            if (filter.test(envelope)) {
                taken.add(envelope);
                it.remove();
            }
        }
        return taken;
    }

    @Override
    public void close() {
        consumer.close();
    }
}
