package org.caisse.authorization.adapter.out.kafka;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeTopicsOptions;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The Kafka side of the relay's recovery: what a topic holds (id, end offsets) and the outbox ids of its records in a
 * range. Blocking; used by one relay run at a time (the consumer is not thread-safe).
 */
@ApplicationScoped
public class PublishedLog {

    /** Bound of every call to Kafka: an unreachable broker fails the run, which is retried on a later tick. */
    static final Duration KAFKA_TIMEOUT = Duration.ofSeconds(10);

    /** Bound of a recovery scan (a scan reads at most the records of the runs that did not commit). */
    static final Duration SCAN_TIMEOUT = Duration.ofSeconds(60);

    /** Outbox ids handed over at once by a scan, so that a long scan never holds them all. */
    static final int SCAN_CHUNK = 1000;

    private final Duration callTimeout;
    private final Admin admin;
    private final KafkaConsumer<byte[], byte[]> consumer;

    @Inject
    public PublishedLog(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this(bootstrapServers, KAFKA_TIMEOUT);
    }

    PublishedLog(String bootstrapServers, Duration callTimeout) {
        this.callTimeout = callTimeout;
        int timeout = (int) callTimeout.toMillis();
        this.admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.CLIENT_ID_CONFIG, "authorization-service-outbox-check",
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, timeout,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeout));
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "authorization-service-outbox-recovery");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // a position below the log start (records gone with retention) reads from the start
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // the relay's producer is not transactional: every record it wrote is one consumers see
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, IsolationLevel.READ_UNCOMMITTED.toString());
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
        config.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 50);
        config.put(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, timeout);
        config.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeout);
        this.consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    /** The topic's id and end offsets; empty when it does not exist. */
    Optional<TopicLog> describe(String topic) {
        TopicDescription description;
        try {
            description = await(admin.describeTopics(List.of(topic),
                            new DescribeTopicsOptions().timeoutMs((int) callTimeout.toMillis()))
                    .allTopicNames()).get(topic);
        } catch (KafkaCallException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return Optional.empty();
            }
            throw e;
        }
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        description.partitions()
                .forEach(p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
        Map<Integer, Long> ends = new HashMap<>();
        await(admin.listOffsets(latest, new ListOffsetsOptions().timeoutMs((int) callTimeout.toMillis())).all())
                .forEach((partition, info) -> ends.put(partition.partition(), info.offset()));
        return Optional.of(new TopicLog(topic, description.topicId().toString(), ends));
    }

    /**
     * Reads the records the plan names and hands their outbox ids to {@code sink}, a chunk at a time (records of
     * other producers carry none); answers how many records were read. A partition without a usable position is read
     * from its first record stamped at or after {@code notBefore} (its log start when null): a record sent for a
     * row cannot be older than the row, so the history before the oldest unpublished row is skipped.
     */
    ScanOutcome scan(RecoveryPlan plan, Instant notBefore, Consumer<List<UUID>> sink) {
        Map<TopicPartition, Long> until = new HashMap<>();
        plan.scanUntil().forEach((p, end) -> until.put(new TopicPartition(plan.topic(), p), end));
        consumer.assign(until.keySet());
        try {
            seek(plan, notBefore, until);
            long read = 0;
            List<UUID> chunk = new ArrayList<>();
            Set<TopicPartition> remaining = new HashSet<>(until.keySet());
            long deadline = System.nanoTime() + SCAN_TIMEOUT.toNanos();
            remaining.removeIf(partition -> consumer.position(partition) >= until.get(partition));
            while (!remaining.isEmpty()) {
                if (System.nanoTime() > deadline) {
                    // a long history to read (first run on a busy topic): hand over what was found and where the
                    // scan got, so that the next run reads on instead of starting over
                    if (!chunk.isEmpty()) {
                        sink.accept(List.copyOf(chunk));
                    }
                    return new ScanOutcome(read, reached(until.keySet()), false);
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    read++;
                    OutboxRecords.outboxId(record).ifPresent(chunk::add);
                    if (chunk.size() >= SCAN_CHUNK) {
                        sink.accept(List.copyOf(chunk));
                        chunk.clear();
                    }
                }
                remaining.removeIf(partition -> consumer.position(partition) >= until.get(partition));
                consumer.pause(until.keySet().stream().filter(p -> !remaining.contains(p)).toList());
            }
            if (!chunk.isEmpty()) {
                sink.accept(chunk);
            }
            return new ScanOutcome(read, reached(until.keySet()), true);
        } finally {
            consumer.assign(List.of());
        }
    }

    private Map<Integer, Long> reached(Set<TopicPartition> partitions) {
        Map<Integer, Long> reached = new HashMap<>();
        partitions.forEach(partition -> reached.put(partition.partition(), consumer.position(partition)));
        return reached;
    }

    /** How many records a scan read, the offset it reached per partition, and whether it reached every end. */
    record ScanOutcome(long read, Map<Integer, Long> reached, boolean complete) {
    }

    private void seek(RecoveryPlan plan, Instant notBefore, Map<TopicPartition, Long> until) {
        Map<TopicPartition, Long> fromTime = new HashMap<>();
        plan.scanFrom().forEach((p, from) -> {
            TopicPartition partition = new TopicPartition(plan.topic(), p);
            if (from != RecoveryPlan.FROM_LOG_START) {
                consumer.seek(partition, from);
            } else if (notBefore == null) {
                consumer.seekToBeginning(List.of(partition));
            } else {
                fromTime.put(partition, notBefore.toEpochMilli());
            }
        });
        if (!fromTime.isEmpty()) {
            Map<TopicPartition, OffsetAndTimestamp> first = consumer.offsetsForTimes(fromTime, callTimeout);
            fromTime.keySet().forEach(partition -> {
                OffsetAndTimestamp offset = first.get(partition);
                // no record that recent: nothing to read in that partition
                consumer.seek(partition, offset == null ? until.get(partition) : offset.offset());
            });
        }
    }

    @PreDestroy
    void close() {
        consumer.close(Duration.ofSeconds(2));
        admin.close(Duration.ofSeconds(2));
    }

    private <T> T await(KafkaFuture<T> future) {
        try {
            return future.get(callTimeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaCallException("interrupted while asking Kafka", e);
        } catch (ExecutionException e) {
            throw new KafkaCallException("Kafka call failed: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new KafkaCallException("Kafka did not answer within " + callTimeout, e);
        }
    }

    /** A failed call to Kafka; the cause is Kafka's exception. */
    static final class KafkaCallException extends RuntimeException {
        KafkaCallException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
