package org.caisse.keymanagement.adapter.out.kafka;

import io.quarkus.scheduler.Scheduled;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.caisse.common.event.EventEnvelopeCodec;
import org.caisse.keymanagement.config.KeyEventsConfig;
import org.caisse.keymanagement.config.TopicsConfig;
import org.jboss.logging.Logger;

/**
 * Publishes the key event outbox to {@code caisse.keys.v1}, key = merchantId, oldest first. At least once: rows are
 * locked ({@code FOR UPDATE SKIP LOCKED}, so several instances share the work), sent, acknowledged by Kafka
 * ({@code acks=all}, idempotent producer), then marked published in the same transaction; a crash between the
 * acknowledgement and the commit sends them again, and consumers dedupe by the CloudEvents {@code id}.
 */
@ApplicationScoped
public class KeyEventRelay {

    private static final Logger LOG = Logger.getLogger(KeyEventRelay.class);
    /** Record header with the outbox row id (the CloudEvents id), as authorization-service's relay does. */
    public static final String OUTBOX_ID_HEADER = "caisse-outbox-id";

    private static final String SELECT_PENDING = """
            SELECT id, merchant_id, payload FROM key_event_outbox
             WHERE published_at IS NULL
             ORDER BY created_at, id
             LIMIT $1
             FOR UPDATE SKIP LOCKED""";
    private static final String MARK_PUBLISHED = "UPDATE key_event_outbox SET published_at = $2 WHERE id = ANY($1)";
    private static final String PRUNE = "DELETE FROM key_event_outbox WHERE published_at < $1";

    private final Pool pool;
    private final Producer<String, byte[]> producer;
    private final String topic;
    private final KeyEventsConfig config;
    private final AtomicBoolean running = new AtomicBoolean();

    public KeyEventRelay(Pool pool, Producer<String, byte[]> producer, TopicsConfig topics, KeyEventsConfig config) {
        this.pool = pool;
        this.producer = producer;
        this.topic = topics.keys();
        this.config = config;
    }

    @Scheduled(every = "${caisse.key-events.relay-interval:500ms}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = RelayDisabled.class)
    void relay() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        try {
            int sent;
            do {
                sent = relayBatch();
            } while (sent == config.batchSize());
        } catch (RuntimeException e) {
            LOG.warnf("Key event relay round failed, retried next round: %s", e.toString());
        } finally {
            running.set(false);
        }
    }

    /** Publishes one batch; returns how many events were published. */
    public int relayBatch() {
        return pool.withTransaction(connection -> connection.preparedQuery(SELECT_PENDING)
                .execute(Tuple.of(config.batchSize()))
                .flatMap(rows -> {
                    List<UUID> ids = new ArrayList<>();
                    List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
                    for (Row row : rows) {
                        UUID id = row.getUUID("id");
                        ids.add(id);
                        records.add(toRecord(id, row.getString("merchant_id"),
                                row.getBuffer("payload").getBytes()));
                    }
                    if (records.isEmpty()) {
                        return io.smallrye.mutiny.Uni.createFrom().item(0);
                    }
                    return io.smallrye.mutiny.Uni.createFrom().item(() -> sendAll(records))
                            .runSubscriptionOn(io.smallrye.mutiny.infrastructure.Infrastructure.getDefaultWorkerPool())
                            .flatMap(x -> connection.preparedQuery(MARK_PUBLISHED)
                                    .execute(Tuple.of(ids.toArray(UUID[]::new), OffsetDateTime.now(ZoneOffset.UTC))))
                            .map(x -> ids.size());
                })).await().atMost(Duration.ofSeconds(60));
    }

    @Scheduled(every = "1h", delayed = "1m", skipExecutionIf = RelayDisabled.class)
    void prune() {
        pool.preparedQuery(PRUNE).execute(Tuple.of(OffsetDateTime.now(ZoneOffset.UTC).minus(config.retention())))
                .await().atMost(Duration.ofSeconds(30));
    }

    private ProducerRecord<String, byte[]> toRecord(UUID id, String merchantId, byte[] payload) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, merchantId, payload);
        record.headers().add(OUTBOX_ID_HEADER, id.toString().getBytes(StandardCharsets.UTF_8));
        record.headers().add("content-type", EventEnvelopeCodec.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
        return record;
    }

    private Void sendAll(List<ProducerRecord<String, byte[]>> records) {
        List<Future<RecordMetadata>> acks = new ArrayList<>(records.size());
        for (ProducerRecord<String, byte[]> record : records) {
            acks.add(producer.send(record));
        }
        try {
            for (Future<RecordMetadata> ack : acks) {
                ack.get(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while publishing key events", e);
        } catch (Exception e) {
            throw new IllegalStateException("Publishing key events failed: " + e.getClass().getSimpleName(), e);
        }
        return null;
    }

    /** Skips the relay when {@code caisse.key-events.relay-enabled=false}. */
    @ApplicationScoped
    public static class RelayDisabled implements Scheduled.SkipPredicate {
        private final KeyEventsConfig config;

        public RelayDisabled(KeyEventsConfig config) {
            this.config = config;
        }

        @Override
        public boolean test(io.quarkus.scheduler.ScheduledExecution execution) {
            return !config.relayEnabled();
        }
    }
}
