package org.caisse.authorization.adapter.out.kafka;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.caisse.authorization.config.AuthorizationConfig;
import org.jboss.logging.Logger;

/**
 * Publishes the outbox to Kafka, each event once even across crashes. Each run, in one database transaction:
 * <ol>
 * <li>takes the relay lease (a transaction-scoped advisory lock: one replica relays at a time, so events of a key
 * keep their order and the relay is the only writer of its records);</li>
 * <li>selects up to {@code batchSize} unpublished rows {@code ORDER BY seq FOR UPDATE SKIP LOCKED} ({@code seq} is a
 * database sequence given at insert, so a clock adjustment cannot reorder events);</li>
 * <li>checks, for each topic of the batch, Kafka's end offsets against the positions stored in
 * {@code relay_position}; records beyond them were sent by a run whose commit never happened (the process died or
 * the database failed after Kafka's acknowledgement): it reads them and marks their outbox ids (record header
 * {@value OutboxRecords#OUTBOX_ID_HEADER}) published instead of sending them again;</li>
 * <li>sends the rest with the idempotent producer, waits for every acknowledgement, marks them published and stores
 * the new positions, all committed together.</li>
 * </ol>
 * A failure anywhere rolls the run back; its rows go on a later run, after that run's check found whatever of them
 * Kafka kept.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    /** Key of the advisory lock that makes one replica the relay at a time ("outbox" in ASCII). */
    static final long RELAY_LOCK_KEY = 0x6f7574626f78L;

    /** Tolerated clock difference between the services writing outbox rows and the relay stamping records. */
    static final Duration CLOCK_MARGIN = Duration.ofHours(1);

    private static final Duration DB_TIMEOUT = Duration.ofSeconds(30);

    private final Pool pool;
    private final Producer<String, byte[]> producer;
    private final PublishedLog log;
    private final RelayPositionStore positions;
    private final RelayFaults faults;
    private final AuthorizationConfig config;
    private final Vertx vertx;
    private final AtomicLong unpublished = new AtomicLong();
    private final Counter published;
    private final Counter recovered;
    private final Counter positionResets;
    private final Timer check;
    private final Timer runs;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean refreshingLag = new AtomicBoolean();
    private volatile long timerId = -1;
    private volatile long lagTimerId = -1;

    public OutboxRelay(Pool pool, Producer<String, byte[]> producer, PublishedLog log, RelayPositionStore positions,
                       RelayFaults faults, AuthorizationConfig config, MeterRegistry registry, Vertx vertx) {
        this.pool = pool;
        this.producer = producer;
        this.log = log;
        this.positions = positions;
        this.faults = faults;
        this.config = config;
        this.vertx = vertx;
        Gauge.builder("caisse.outbox.unpublished", unpublished, AtomicLong::get)
                .description("Outbox events not yet published to Kafka (outbox lag)")
                .register(registry);
        this.published = Counter.builder("caisse.outbox.published")
                .description("Outbox events published to Kafka").register(registry);
        this.recovered = Counter.builder("caisse.outbox.recovered")
                .description("Outbox events found on Kafka after a run that did not commit, marked published "
                        + "instead of sent again (duplicates avoided)").register(registry);
        this.positionResets = Counter.builder("caisse.outbox.position.resets")
                .description("Relay positions dropped because a topic was deleted, recreated or truncated")
                .register(registry);
        this.check = Timer.builder("caisse.outbox.recovery.check")
                .description("Per topic and relay run: reading the topic's id and end offsets from Kafka")
                .register(registry);
        this.runs = Timer.builder("caisse.outbox.relay.run")
                .description("Relay runs that found events to publish, from lease to commit")
                .register(registry);
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

    /** Stops the timers and lets a run in progress finish, so the Kafka clients are not closed under it. */
    void stop(@Observes ShutdownEvent shutdown) {
        if (lagTimerId >= 0) {
            vertx.cancelTimer(lagTimerId);
        }
        if (timerId >= 0) {
            vertx.cancelTimer(timerId);
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (running.get() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Publishes batches until the outbox has fewer than a batch left. Blocking: runs on a worker thread. */
    void relay() {
        try {
            RunResult result;
            do {
                result = relayBatch().await().atMost(Duration.ofSeconds(120));
            } while (result.selected() >= config.outbox().batchSize());
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

    /** One relay run; the counters move only once it committed. */
    Uni<RunResult> relayBatch() {
        long started = System.nanoTime();
        return pool.withTransaction(conn -> conn.preparedQuery("SELECT pg_try_advisory_xact_lock($1) AS leased")
                        .execute(Tuple.of(RELAY_LOCK_KEY))
                        .flatMap(lease -> lease.iterator().next().getBoolean("leased")
                                ? relayPending(conn) : Uni.createFrom().item(RunResult.NOTHING)))
                .invoke(result -> {
                    if (result.selected() > 0) {
                        runs.record(Duration.ofNanos(System.nanoTime() - started));
                    }
                    published.increment(result.sent());
                    recovered.increment(result.recovered());
                    positionResets.increment(result.resets());
                });
    }

    private Uni<RunResult> relayPending(SqlConnection conn) {
        return selectPending(conn).flatMap(batch -> {
            if (batch.isEmpty()) {
                return Uni.createFrom().item(RunResult.NOTHING);
            }
            Set<String> topics = new LinkedHashSet<>();
            batch.forEach(event -> topics.add(event.topic()));
            return positions.load(conn, topics)
                    .flatMap(stored -> blocking(() -> recover(conn, stored.values())))
                    .flatMap(recovery -> publish(conn, batch, recovery)
                            .map(sent -> new RunResult(batch.size(), sent, recovery.recoveredIds().size(),
                                    recovery.resets())))
                    .invoke(() -> faults.beforeCommit(topics));
        });
    }

    private Uni<List<PendingEvent>> selectPending(SqlConnection conn) {
        return conn.preparedQuery("""
                        SELECT id, topic, record_key, payload FROM outbox
                         WHERE published_at IS NULL
                         ORDER BY seq
                         LIMIT $1
                           FOR UPDATE SKIP LOCKED""")
                .execute(Tuple.of(config.outbox().batchSize()))
                .map(rows -> {
                    List<PendingEvent> batch = new ArrayList<>(rows.size());
                    for (Row row : rows) {
                        batch.add(new PendingEvent(row.getUUID("id"), row.getString("topic"),
                                row.getString("record_key"), row.getBuffer("payload").getBytes()));
                    }
                    return batch;
                });
    }

    /**
     * Checks each topic against its stored positions; the records Kafka holds beyond them are read, and the
     * unpublished rows they carry are marked published at once. Blocking (worker thread), so the run's connection is
     * awaited here: the rest of the run waits for this step.
     */
    private Recovery recover(SqlConnection conn, Collection<TopicPositions> stored) {
        List<RecoveryPlan> plans = new ArrayList<>();
        Set<UUID> recoveredIds = new HashSet<>();
        Map<String, Map<Integer, Long>> unfinished = new HashMap<>();
        int resets = 0;
        for (TopicPositions topic : stored) {
            long started = System.nanoTime();
            Optional<TopicLog> current = log.describe(topic.topic());
            check.record(Duration.ofNanos(System.nanoTime() - started));
            LOG.debugf("outbox relay: stored %s, Kafka holds %s", topic, current);
            RecoveryPlan plan = RecoveryPlan.of(topic, current);
            plan.resets().forEach(reason -> LOG.warnf("outbox relay: %s", reason));
            resets += plan.resets().size();
            if (plan.needsScan()) {
                long scanStarted = System.nanoTime();
                Set<UUID> topicRecovered = new HashSet<>();
                PublishedLog.ScanOutcome scan = log.scan(plan, oldestUnpublished(conn, plan),
                        ids -> topicRecovered.addAll(markRecovered(conn, ids)));
                long read = scan.read();
                recoveredIds.addAll(topicRecovered);
                if (!scan.complete()) {
                    unfinished.put(plan.topic(), scan.reached());
                    LOG.infof("outbox relay: the recovery scan of %s reached %s of %s; it goes on at the next run, "
                            + "nothing is sent meanwhile", topic.topic(), scan.reached(), plan.scanUntil());
                }
                LOG.logf(topicRecovered.isEmpty() ? Logger.Level.DEBUG : Logger.Level.INFO,
                        "outbox relay: read %d records of %s beyond the stored positions (%s) in %d ms; %d were sent "
                                + "by a run that did not commit: marked published, not sent again", read,
                        topic.topic(), plan.ranges(), (System.nanoTime() - scanStarted) / 1_000_000,
                        topicRecovered.size());
            }
            plans.add(plan);
        }
        return new Recovery(plans, recoveredIds, resets, unfinished);
    }

    /**
     * Where a scan without a usable position may start: the oldest unpublished row of the topic, less
     * {@link #CLOCK_MARGIN} (record timestamps come from the relay's clock, row times from the writer's or the
     * database's). Null when the plan reads from stored positions only.
     */
    private Instant oldestUnpublished(SqlConnection conn, RecoveryPlan plan) {
        if (!plan.scanFrom().containsValue(RecoveryPlan.FROM_LOG_START)) {
            return null;
        }
        Row row = conn.preparedQuery(
                        "SELECT min(created_at) AS oldest FROM outbox WHERE published_at IS NULL AND topic = $1")
                .execute(Tuple.of(plan.topic())).await().atMost(DB_TIMEOUT).iterator().next();
        OffsetDateTime oldest = row.getOffsetDateTime("oldest");
        return oldest == null ? null : oldest.toInstant().minus(CLOCK_MARGIN);
    }

    /** Marks published the unpublished rows among these ids (found on Kafka); answers them. Blocking. */
    private List<UUID> markRecovered(SqlConnection conn, List<UUID> ids) {
        List<UUID> marked = new ArrayList<>();
        conn.preparedQuery("""
                        UPDATE outbox SET published_at = now()
                         WHERE id = ANY($1) AND published_at IS NULL
                        RETURNING id""")
                .execute(Tuple.of(ids.toArray(new UUID[0]))).await().atMost(DB_TIMEOUT)
                .forEach(row -> marked.add(row.getUUID("id")));
        return marked;
    }

    private Uni<Void> markPublished(SqlConnection conn, Collection<UUID> ids) {
        return conn.preparedQuery("UPDATE outbox SET published_at = now() WHERE id = ANY($1)")
                .execute(Tuple.of(ids.toArray(new UUID[0]))).replaceWithVoid();
    }

    /** Sends the batch's events Kafka does not hold yet, marks them published and stores the new positions. */
    private Uni<Integer> publish(SqlConnection conn, List<PendingEvent> batch, Recovery recovery) {
        if (recovery.unfinished()) {
            // an unread stretch of Kafka may hold some of these rows: send nothing until the scan has read it
            return positions.save(conn, recovery.positionsSoFar()).replaceWith(0);
        }
        List<PendingEvent> toSend = batch.stream()
                .filter(event -> !recovery.recoveredIds().contains(event.id())).toList();
        if (toSend.isEmpty()) {
            return positions.save(conn, recovery.positionsAfter(List.of())).replaceWith(0);
        }
        return blocking(() -> sendAll(toSend))
                .flatMap(written -> markPublished(conn, toSend.stream().map(PendingEvent::id).toList())
                        .flatMap(ignored -> positions.save(conn, recovery.positionsAfter(written))))
                .replaceWith(toSend.size());
    }

    /** Sends the records in order and waits until Kafka acknowledged every one (acks=all). */
    private List<RecordMetadata> sendAll(List<PendingEvent> events) {
        List<Future<RecordMetadata>> acks = new ArrayList<>(events.size());
        for (PendingEvent event : events) {
            acks.add(producer.send(OutboxRecords.toRecord(event)));
        }
        producer.flush();
        List<RecordMetadata> written = new ArrayList<>(acks.size());
        try {
            for (Future<RecordMetadata> ack : acks) {
                written.add(ack.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Kafka", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Kafka refused an outbox record: " + e.getCause(), e);
        }
        return written;
    }

    private static <T> Uni<T> blocking(Supplier<T> work) {
        return Uni.createFrom().item(work).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    /** What one run did: rows selected, events sent, events recovered from Kafka, positions dropped. */
    record RunResult(int selected, int sent, int recovered, int resets) {
        static final RunResult NOTHING = new RunResult(0, 0, 0, 0);
    }

    /** The checks of a run's topics, the rows their scans found on Kafka (now marked published), positions dropped. */
    record Recovery(List<RecoveryPlan> plans, Set<UUID> recoveredIds, int resets,
                    Map<String, Map<Integer, Long>> unfinishedScans) {

        boolean unfinished() {
            return !unfinishedScans.isEmpty();
        }

        /** The positions to store when a scan ran out of time: as far as each scan got, nothing sent. */
        List<TopicPositions> positionsSoFar() {
            return plans.stream().map(plan -> unfinishedScans.containsKey(plan.topic())
                    ? plan.afterPartialScan(unfinishedScans.get(plan.topic()))
                    : plan.afterSend(Map.of())).toList();
        }

        /** The positions to store once the run's records are acknowledged. */
        List<TopicPositions> positionsAfter(List<RecordMetadata> written) {
            Map<String, Map<Integer, List<Long>>> offsets = new HashMap<>();
            for (RecordMetadata record : written) {
                offsets.computeIfAbsent(record.topic(), t -> new HashMap<>())
                        .computeIfAbsent(record.partition(), p -> new ArrayList<>()).add(record.offset());
            }
            return plans.stream().map(plan -> plan.afterSend(offsets.getOrDefault(plan.topic(), Map.of()))).toList();
        }
    }
}
