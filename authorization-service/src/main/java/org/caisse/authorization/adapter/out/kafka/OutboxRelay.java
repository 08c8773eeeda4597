package org.caisse.authorization.adapter.out.kafka;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.caisse.authorization.config.AuthorizationConfig;
import org.jboss.logging.Logger;

/**
 * Publishes the outbox to Kafka. Each run, in one database transaction: takes a relay lease (a transaction-scoped
 * advisory lock, so that one replica relays at a time and events of a key keep their order), selects up to
 * {@code batchSize} unpublished rows {@code ORDER BY seq FOR UPDATE SKIP LOCKED} ({@code seq} is a database
 * sequence given at insert, so a clock adjustment cannot reorder events the way {@code created_at} could), sends
 * them with the idempotent producer, waits for every acknowledgement, then marks them published. A failure rolls
 * the run back and the rows are sent again on a later run (at-least-once; consumers dedupe on the event id).
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    /** Key of the advisory lock that makes one replica the relay at a time ("outbox" in ASCII). */
    static final long RELAY_LOCK_KEY = 0x6f7574626f78L;

    private final Pool pool;
    private final Producer<String, byte[]> producer;
    private final AuthorizationConfig config;
    private final AtomicLong unpublished = new AtomicLong();
    private final Counter published;
    private final Vertx vertx;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean refreshingLag = new AtomicBoolean();
    private volatile long timerId = -1;
    private volatile long lagTimerId = -1;

    public OutboxRelay(Pool pool, Producer<String, byte[]> producer, AuthorizationConfig config,
                       MeterRegistry registry, Vertx vertx) {
        this.pool = pool;
        this.vertx = vertx;
        this.producer = producer;
        this.config = config;
        Gauge.builder("caisse.outbox.unpublished", unpublished, AtomicLong::get)
                .description("Outbox events not yet published to Kafka (outbox lag)")
                .register(registry);
        this.published = Counter.builder("caisse.outbox.published")
                .description("Outbox events published to Kafka").register(registry);
    }

    /**
     * Starts the lag gauge timer (every {@code caisse.outbox.lag-refresh-interval}, on every instance) and the relay
     * timer; a run still going when its timer fires again makes that tick a no-op.
     */
    void start(@Observes StartupEvent startup) {
        long lagInterval = Math.max(10, config.outbox().lagRefreshInterval().toMillis());
        lagTimerId = vertx.setPeriodic(1, lagInterval, id -> {
            if (refreshingLag.compareAndSet(false, true)) {
                refreshLag().subscribe().with(ignored -> refreshingLag.set(false), failure -> refreshingLag.set(false));
            }
        });
        if (!config.outbox().enabled()) {
            LOG.info("outbox relay disabled on this instance");
            return;
        }
        long interval = Math.max(10, config.outbox().relayInterval().toMillis());
        timerId = vertx.setPeriodic(interval, id -> {
            if (running.compareAndSet(false, true)) {
                Infrastructure.getDefaultWorkerPool().execute(() -> {
                    try {
                        relay();
                    } finally {
                        running.set(false);
                    }
                });
            }
        });
    }

    void stop(@Observes ShutdownEvent shutdown) {
        if (lagTimerId >= 0) {
            vertx.cancelTimer(lagTimerId);
        }
        if (timerId >= 0) {
            vertx.cancelTimer(timerId);
        }
    }

    /** Publishes batches until the outbox has fewer than a batch left. Blocking: runs on a worker thread. */
    void relay() {
        try {
            int sent;
            do {
                sent = relayBatch().await().atMost(Duration.ofSeconds(60));
            } while (sent >= config.outbox().batchSize());
        } catch (RuntimeException e) {
            LOG.warnf("outbox relay run failed, will retry: %s", e.toString());
        }
    }

    /** Counts the unpublished events into the gauge; a failure keeps the last value. */
    Uni<Void> refreshLag() {
        return pool.preparedQuery("SELECT count(*) AS lag FROM outbox WHERE published_at IS NULL").execute()
                .invoke(rows -> unpublished.set(rows.iterator().next().getLong("lag")))
                .replaceWithVoid()
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** One relay run; answers how many events were published. */
    Uni<Integer> relayBatch() {
        return pool.withTransaction(conn -> conn
                .preparedQuery("SELECT pg_try_advisory_xact_lock($1) AS leased").execute(Tuple.of(RELAY_LOCK_KEY))
                .flatMap(lease -> lease.iterator().next().getBoolean("leased")
                        ? publishPending(conn) : Uni.createFrom().item(0)));
    }

    private Uni<Integer> publishPending(SqlConnection conn) {
        return conn.preparedQuery("""
                        SELECT id, topic, record_key, payload FROM outbox
                         WHERE published_at IS NULL
                         ORDER BY seq
                         LIMIT $1
                           FOR UPDATE SKIP LOCKED""")
                .execute(Tuple.of(config.outbox().batchSize()))
                .flatMap(rows -> {
                    if (rows.size() == 0) {
                        return Uni.createFrom().item(0);
                    }
                    List<UUID> ids = new ArrayList<>();
                    List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
                    for (Row row : rows) {
                        ids.add(row.getUUID("id"));
                        records.add(new ProducerRecord<>(row.getString("topic"), row.getString("record_key"),
                                row.getBuffer("payload").getBytes()));
                    }
                    return Uni.createFrom().item(() -> sendAll(records))
                            .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                            .flatMap(ignored -> conn.preparedQuery(
                                            "UPDATE outbox SET published_at = now() WHERE id = ANY($1)")
                                    .execute(Tuple.of(ids.toArray(new UUID[0]))))
                            .map(updated -> {
                                published.increment(ids.size());
                                return ids.size();
                            });
                });
    }

    /** Sends the records in order and waits until Kafka acknowledged every one (acks=all). */
    private int sendAll(List<ProducerRecord<String, byte[]>> records) {
        List<Future<RecordMetadata>> acks = new ArrayList<>(records.size());
        for (ProducerRecord<String, byte[]> record : records) {
            acks.add(producer.send(record));
        }
        producer.flush();
        try {
            for (Future<RecordMetadata> ack : acks) {
                ack.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Kafka", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("Kafka refused an outbox record: " + e.getCause(), e);
        }
        return records.size();
    }
}
