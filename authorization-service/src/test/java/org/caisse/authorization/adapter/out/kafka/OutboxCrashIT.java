package org.caisse.authorization.adapter.out.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.util.KeyUtils;
import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The packaged service (target/quarkus-app) killed with SIGKILL in the middle of a stream of authorizations, then
 * restarted, several times: every transaction must end with exactly one event on Kafka whose id is its outbox id,
 * and no event may exist without its transaction. Half of the kills land inside the dangerous window on purpose: the
 * test holds a lock on {@code relay_position}, so a relay run that Kafka already acknowledged cannot commit, and the
 * process is killed then. Runs against the local PostgreSQL ({@code CAISSE_TEST_DB}, else
 * {@code caisse_authorization_test}) and Kafka, on a topic of its own.
 */
class OutboxCrashIT {

    static final String MERCHANT = "002001000000777";
    static final String ACCEPTED_CARD = "5100000000000000";
    static final String REFUSED_CARD = "4100000000000005";
    static final int STREAM_THREADS = 4;
    static final int KILLS = 4;
    static final Duration STREAM_BETWEEN_KILLS = Duration.ofMillis(1200);
    static final String KAFKA = System.getProperty("kafka.bootstrap.servers", "127.0.0.1:9092");
    static final ObjectMapper JSON = new ObjectMapper();

    final String run = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    final String topic = "test.crash." + UUID.randomUUID();
    final String database = System.getenv().getOrDefault("CAISSE_TEST_DB", "caisse_authorization_test");
    final Path secrets = Path.of(System.getProperty("caisse.secrets-dir", "../.caisse/secrets")).toAbsolutePath()
            .normalize();
    final Path logs = Path.of("target", "outbox-crash-it").toAbsolutePath();
    final List<Process> children = new CopyOnWriteArrayList<>();
    final Thread reaper = new Thread(() -> children.forEach(Process::destroyForcibly), "outbox-crash-it-reaper");
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    int port;
    int starts;
    Process service;

    @BeforeAll
    static void localServersOnly() {
        assumeFalse("containers".equalsIgnoreCase(System.getProperty("caisse.infra", "")),
                "needs the deploy/local PostgreSQL and Kafka the packaged service connects to");
    }

    @AfterEach
    void killWhatIsLeft() {
        children.forEach(Process::destroyForcibly);
        try {
            Runtime.getRuntime().removeShutdownHook(reaper);
        } catch (IllegalStateException | IllegalArgumentException e) {
            // the JVM is exiting, or the hook was never added: the reaper does the same
        }
    }

    @Test
    void killedMidStreamAndRestartedEveryTransactionHasExactlyOneEventAndEveryEventItsTransaction() throws Exception {
        Path jar = Path.of("target", "quarkus-app", "quarkus-run.jar").toAbsolutePath();
        assertThat(jar).as("the packaged service (mvn package runs before the integration tests)").exists();
        Files.createDirectories(logs);
        Runtime.getRuntime().addShutdownHook(reaper);
        port = freePort();
        long started = System.nanoTime();
        double recovered = 0;
        int windowKills = 0;

        startService(jar);
        try (Stream stream = new Stream(token())) {
            for (int kill = 1; kill <= KILLS; kill++) {
                Thread.sleep(STREAM_BETWEEN_KILLS.toMillis());
                recovered += metric("caisse_outbox_recovered_total");
                if (kill % 2 == 1) {
                    windowKills++;
                    killInsideTheWindow();
                } else {
                    Thread.sleep(ThreadLocalRandom.current().nextLong(300));
                    killService();
                }
                startService(jar);
            }
            Thread.sleep(STREAM_BETWEEN_KILLS.toMillis());
            stream.stop();
            awaitTrue(() -> unpublishedEvents() == 0, Duration.ofSeconds(30), "the relay drained the outbox");
            recovered += metric("caisse_outbox_recovered_total");
            String relayFigures = relayFigures();
            stopService();

            Audit audit = new Audit(outboxRows(), transactions(), readTopic());
            System.out.printf("""
                    [outbox-crash] topic %s, database %s, %d s
                    [outbox-crash] kills: %d (%d inside the commit window, %d at a random moment), starts: %d
                    [outbox-crash] authorizations sent %d: answered %d (accepted 00: %d, refused: %d), \
                    unanswered %d (killed while answering), other statuses %s
                    [outbox-crash] transactions stored %d, outbox rows %d, events on Kafka %d, duplicate ids %d, \
                    events without their transaction %d
                    [outbox-crash] duplicates found on Kafka and suppressed by recovery: %.0f
                    [outbox-crash] %s
                    """, topic, database, (System.nanoTime() - started) / 1_000_000_000, KILLS, windowKills,
                    KILLS - windowKills, starts, stream.sent.get(), stream.answered.size(),
                    count(stream.answered, "00"), stream.answered.size() - count(stream.answered, "00"),
                    stream.unanswered.get(), stream.otherStatuses, audit.transactions.size(), audit.outbox.size(),
                    audit.events.size(), audit.duplicates().size(), audit.eventsWithoutTransaction().size(),
                    recovered, relayFigures);

            assertThat(stream.answered).as("authorizations answered").hasSizeGreaterThan(100);
            assertThat(stream.otherStatuses).as("answers other than 200").isEmpty();
            assertThat(count(stream.answered, "00")).as("accepted authorizations").isPositive();
            stream.answered.forEach((reference, code) -> assertThat(audit.transactions)
                    .as("answered authorization %s is stored", reference)
                    .containsEntry(MERCHANT + ":" + reference, code));
            assertThat(audit.duplicates()).as("outbox ids published more than once").isEmpty();
            assertThat(audit.eventsWithoutTransaction()).as("events without their outbox row and transaction")
                    .isEmpty();
            assertThat(audit.eventIds()).as("every outbox row has its event")
                    .containsExactlyInAnyOrderElementsOf(audit.outbox.keySet());
            assertThat(new HashSet<>(audit.outbox.values())).as("every transaction has an event")
                    .containsExactlyInAnyOrderElementsOf(audit.transactions.keySet());
            assertThat(audit.outbox).as("one event per authorization").hasSameSizeAs(audit.transactions);
            assertThat(recovered).as("records recovered instead of sent again").isGreaterThanOrEqualTo(windowKills);
        }
    }

    /**
     * The run's topic against the database: {@code outbox} outbox id → record key, {@code transactions}
     * merchant:reference → response code, {@code events} every record of the topic.
     */
    record Audit(Map<String, String> outbox, Map<String, String> transactions,
                 List<ConsumerRecord<String, byte[]>> events) {

        static String id(ConsumerRecord<String, byte[]> event) {
            return OutboxRecords.outboxId(event).map(UUID::toString).orElse("no id");
        }

        Set<String> eventIds() {
            Set<String> ids = new HashSet<>();
            events.forEach(event -> ids.add(id(event)));
            return ids;
        }

        /** outbox id → number of events carrying it, when more than one */
        Map<String, Integer> duplicates() {
            Map<String, Integer> counts = new HashMap<>();
            events.forEach(event -> counts.merge(id(event), 1, Integer::sum));
            counts.values().removeIf(count -> count == 1);
            return counts;
        }

        /** events whose id is no outbox row of the topic, or whose key is not the row's or no transaction's */
        List<String> eventsWithoutTransaction() {
            List<String> orphans = new ArrayList<>();
            for (ConsumerRecord<String, byte[]> event : events) {
                String key = outbox.get(id(event));
                if (key == null || !key.equals(event.key()) || !transactions.containsKey(key)) {
                    orphans.add(id(event) + " key " + event.key());
                }
            }
            return orphans;
        }
    }

    /**
     * Holds {@code relay_position} so that no relay run can commit, waits until a run waits for that lock (it has
     * sent its records and Kafka acknowledged them: the positions are written last), kills the service there and
     * releases the lock. The dead run's transaction never commits, so its records are on Kafka while their rows are
     * unpublished: the next start must recover them.
     */
    void killInsideTheWindow() throws Exception {
        try (Connection lock = jdbc()) {
            lock.setAutoCommit(false);
            try (Statement statement = lock.createStatement()) {
                statement.execute("LOCK TABLE relay_position IN EXCLUSIVE MODE");
            }
            awaitTrue(this::aRelayRunWaitsForThePositions, Duration.ofSeconds(20),
                    "a relay run sent its records and waits to store its positions");
            killService();
            lock.rollback();
        }
    }

    boolean aRelayRunWaitsForThePositions() {
        try (Connection db = jdbc(); Statement statement = db.createStatement();
             ResultSet waiting = statement.executeQuery("""
                     SELECT count(*) FROM pg_locks l JOIN pg_class c ON c.oid = l.relation
                      WHERE c.relname = 'relay_position' AND l.database = (SELECT oid FROM pg_database
                                                                            WHERE datname = current_database())
                        AND NOT l.granted""")) {
            waiting.next();
            return waiting.getLong(1) > 0;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    void startService(Path jar) throws Exception {
        starts++;
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = List.of(java, "-XX:+UseSerialGC", "-Xmx256m",
                "-Dquarkus.http.host=127.0.0.1",
                "-Dquarkus.http.port=" + port,
                "-Dquarkus.datasource.reactive.url=postgresql://127.0.0.1:5432/" + database,
                "-Dquarkus.datasource.jdbc.url=jdbc:postgresql://127.0.0.1:5432/" + database,
                "-Dkafka.bootstrap.servers=" + KAFKA,
                "-Dcaisse.topics.transactions=" + topic,
                "-Dcaisse.secrets-dir=" + secrets,
                "-Dcaisse.outbox.relay-interval=20ms",
                "-Dcaisse.outbox.batch-size=50",
                "-Dcaisse.outbox.lag-refresh-interval=1s",
                "-Dquarkus.log.console.json.enabled=false",
                "-jar", jar.toString());
        Path log = logs.resolve("service-" + starts + ".log");
        service = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        children.add(service);
        Process starting = service;
        awaitTrue(() -> {
            if (!starting.isAlive()) {
                throw new IllegalStateException("the service exited with " + starting.exitValue() + ", see " + log);
            }
            return status("/q/health/ready") == 200;
        }, Duration.ofSeconds(60), "the service is ready (log " + log + ")");
    }

    void killService() throws InterruptedException {
        service.destroyForcibly(); // SIGKILL
        assertThat(service.waitFor(10, TimeUnit.SECONDS)).isTrue();
        children.remove(service);
    }

    void stopService() throws InterruptedException {
        service.destroy(); // SIGTERM: graceful
        if (!service.waitFor(20, TimeUnit.SECONDS)) {
            service.destroyForcibly();
        }
        children.remove(service);
    }

    int status(String path) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** A value of the running service's Prometheus endpoint (0 when absent). */
    double metric(String name) throws Exception {
        Matcher matcher = Pattern.compile("(?m)^" + Pattern.quote(name) + "(\\{[^}]*})? ([0-9.E+-]+)$")
                .matcher(metrics());
        return matcher.find() ? Double.parseDouble(matcher.group(2)) : 0;
    }

    String metrics() throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/metrics"))
                .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    /** The last service's relay timings: runs with events, and the end-offset check that guards each topic. */
    String relayFigures() throws Exception {
        double runs = metric("caisse_outbox_relay_run_seconds_count");
        double runSeconds = metric("caisse_outbox_relay_run_seconds_sum");
        double checks = metric("caisse_outbox_recovery_check_seconds_count");
        double checkSeconds = metric("caisse_outbox_recovery_check_seconds_sum");
        double checkMax = metric("caisse_outbox_recovery_check_seconds_max");
        return String.format("last start: %.0f relay runs with events, mean %.2f ms; end-offset check %.0f times, "
                        + "mean %.2f ms (max %.2f ms)", runs, runs == 0 ? 0 : runSeconds * 1000 / runs, checks,
                checks == 0 ? 0 : checkSeconds * 1000 / checks, checkMax * 1000);
    }

    String token() throws Exception {
        String caller = "payment-page-service";
        var key = KeyUtils.decodePrivateKey(Files.readString(secrets.resolve("jwt").resolve(caller + ".key.pem")));
        return Jwt.issuer("caisse").subject(caller).audience("authorization-service").groups("service")
                .expiresIn(600).jws().keyId(caller).sign(key);
    }

    Connection jdbc() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/" + database, "caisse_authorization",
                "caisse_authorization");
    }

    long unpublishedEvents() {
        try (Connection db = jdbc(); PreparedStatement query = db.prepareStatement(
                "SELECT count(*) FROM outbox WHERE topic = ? AND published_at IS NULL")) {
            query.setString(1, topic);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    Map<String, String> outboxRows() throws SQLException {
        Map<String, String> rows = new HashMap<>();
        try (Connection db = jdbc(); PreparedStatement query = db.prepareStatement(
                "SELECT id, record_key FROM outbox WHERE topic = ?")) {
            query.setString(1, topic);
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    rows.put(result.getString(1), result.getString(2));
                }
            }
        }
        return rows;
    }

    Map<String, String> transactions() throws SQLException {
        Map<String, String> rows = new HashMap<>();
        try (Connection db = jdbc(); PreparedStatement query = db.prepareStatement("""
                SELECT transaction_reference, response_code FROM transaction
                 WHERE merchant_id = ? AND transaction_reference LIKE ?""")) {
            query.setString(1, MERCHANT);
            query.setString(2, "C" + run + "%");
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    rows.put(MERCHANT + ":" + result.getString(1), result.getString(2));
                }
            }
        }
        return rows;
    }

    KafkaConsumer<String, byte[]> consumer() {
        return new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false),
                new StringDeserializer(), new ByteArrayDeserializer());
    }

    Map<Integer, Long> endOffsets() {
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            List<PartitionInfo> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(5));
            Map<Integer, Long> ends = new HashMap<>();
            if (partitions != null) {
                consumer.endOffsets(partitions.stream().map(p -> new TopicPartition(topic, p.partition())).toList())
                        .forEach((partition, end) -> ends.put(partition.partition(), end));
            }
            return ends;
        }
    }

    /** Every record of the topic, as any consumer would read it. */
    List<ConsumerRecord<String, byte[]>> readTopic() {
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(5)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                assertThat(System.nanoTime()).as("read the whole topic in time").isLessThan(deadline);
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static long count(Map<String, String> answers, String code) {
        return answers.values().stream().filter(code::equals).count();
    }

    static void awaitTrue(BooleanSupplier condition, Duration timeout, String what) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("within %s: %s", timeout, what).isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    /** Threads posting authorizations to the current service until stopped, through its kills and restarts. */
    final class Stream implements AutoCloseable {
        final String token;
        final ExecutorService threads = Executors.newFixedThreadPool(STREAM_THREADS);
        final AtomicBoolean stopped = new AtomicBoolean();
        final AtomicInteger number = new AtomicInteger();
        final AtomicInteger sent = new AtomicInteger();
        final AtomicInteger unanswered = new AtomicInteger();
        /** statuses other than 200 (none expected) */
        final List<Integer> otherStatuses = new CopyOnWriteArrayList<>();
        /** reference → response code of every authorization answered 200 */
        final Map<String, String> answered = new ConcurrentHashMap<>();

        Stream(String token) {
            this.token = token;
            for (int i = 0; i < STREAM_THREADS; i++) {
                threads.execute(this::post);
            }
        }

        void post() {
            while (!stopped.get()) {
                int n = number.incrementAndGet();
                String reference = "C" + run + String.format("%07d", n);
                try {
                    HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                                    URI.create("http://127.0.0.1:" + port + "/internal/v1/authorizations"))
                            .timeout(Duration.ofSeconds(10))
                            .header("Authorization", "Bearer " + token)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body(reference, 1000 + n % 500,
                                    n % 10 == 0 ? REFUSED_CARD : ACCEPTED_CARD))).build(),
                            HttpResponse.BodyHandlers.ofString());
                    sent.incrementAndGet();
                    if (response.statusCode() == 200) {
                        JsonNode answer = JSON.readTree(response.body());
                        answered.put(reference, answer.path("responseCode").asText());
                    } else {
                        otherStatuses.add(response.statusCode());
                    }
                } catch (ConnectException e) {
                    pause(); // the service is down: nothing was sent
                } catch (IOException e) {
                    sent.incrementAndGet();
                    unanswered.incrementAndGet(); // sent, then the service died: it may or may not be stored
                    pause();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }

        private void pause() {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        String body(String reference, long amount, String card) throws IOException {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("merchantId", MERCHANT);
            body.put("transactionReference", reference);
            body.put("amount", amount);
            body.put("currencyCode", "978");
            body.put("captureMode", "AUTHOR_CAPTURE");
            body.put("orderChannel", "INTERNET");
            body.put("card", Map.of("number", card, "expiryDate", "203012", "cscValue", "123"));
            body.put("paymentPattern", "ONE_SHOT");
            return JSON.writeValueAsString(body);
        }

        void stop() throws InterruptedException {
            stopped.set(true);
            threads.shutdown();
            assertThat(threads.awaitTermination(30, TimeUnit.SECONDS)).as("the stream stopped").isTrue();
        }

        @Override
        public void close() {
            stopped.set(true);
            threads.shutdownNow();
        }
    }
}
