package org.caisse.officeserver.adapter.in.kafka;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.inject.Inject;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.caisse.common.event.EventEnvelope;
import org.caisse.common.event.EventEnvelopeCodec;
import org.caisse.officeserver.application.transaction.TransactionEventsProjector;
import org.caisse.officeserver.application.transaction.TransactionEventsProjector.Outcome;
import org.caisse.officeserver.support.FakeDownstreamsResource;
import org.caisse.officeserver.support.KeycloakUsers;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The transaction read model fed from the real Kafka topic, stored in the real PostgreSQL, queried with Keycloak tokens. */
@QuarkusTest
@WithTestResource(value = FakeDownstreamsResource.class, scope = TestResourceScope.GLOBAL)
class TransactionReadModelTest {

    private static KeycloakUsers keycloak;
    private static String operator;
    private static String merchantUser;

    @Inject
    Pool pool;

    @Inject
    TransactionEventsProjector projector;

    @ConfigProperty(name = "caisse.topics.transactions")
    String transactionsTopic;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @BeforeAll
    static void users() {
        keycloak = new KeycloakUsers();
        operator = keycloak.tokenOf(List.of("operator"));
        merchantUser = keycloak.tokenOf(List.of("merchant-user"));
    }

    @AfterAll
    static void cleanUp() {
        if (keycloak != null) {
            keycloak.close();
        }
    }

    private static String newMerchantId() {
        return "7" + String.format("%014d", ThreadLocalRandom.current().nextLong(100_000_000_000_000L));
    }

    private static EventEnvelope event(String merchantId, String reference, String type, String status, long current,
                                       String dateTime, Instant time) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("merchantId", merchantId);
        data.put("transactionReference", reference);
        data.put("status", status);
        data.put("responseCode", "00");
        data.put("amount", 1000);
        data.put("currentAmount", current);
        data.put("currencyCode", "978");
        data.put("transactionDateTime", dateTime);
        data.put("maskedPan", "4100##########00");
        data.put("paymentMeanBrand", "VISA");
        data.put("lastOperation", Map.of("name", type.equals("authorized") ? "AUTHORIZATION" : "CANCEL",
                "amount", current, "dateTime", dateTime));
        return new EventEnvelope(UUID.randomUUID().toString(), "/caisse/authorization-service",
                "org.caisse.transaction." + type + ".v1", time, merchantId + ":" + reference, data);
    }

    private void publish(String key, byte[] value) throws Exception {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        try (var producer = new KafkaProducer<>(properties, new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(transactionsTopic, key, value)).get();
        }
    }

    private Row row(String merchantId, String reference) {
        var rows = pool.preparedQuery("SELECT * FROM transaction_view WHERE merchant_id = $1 AND transaction_reference = $2")
                .execute(Tuple.of(merchantId, reference)).await().atMost(Duration.ofSeconds(5));
        return rows.size() == 0 ? null : rows.iterator().next();
    }

    private Row awaitRow(String merchantId, String reference, String eventId) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(deadline)) {
            Row row = row(merchantId, reference);
            if (row != null && row.getString("last_event_id").equals(eventId)) {
                return row;
            }
            Thread.sleep(200);
        }
        return row(merchantId, reference);
    }

    /** The test consumer group starts at the end of the topic: wait until it is assigned, i.e. sees a fresh probe. */
    private void awaitConsumerAssigned() throws Exception {
        String merchantId = newMerchantId();
        Instant deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline)) {
            EventEnvelope probe = event(merchantId, "PROBE", "authorized", "TO_CAPTURE", 1000, "2026-11-01T10:00:00Z",
                    Instant.now());
            publish(merchantId + ":PROBE", EventEnvelopeCodec.toJson(probe));
            for (int i = 0; i < 10; i++) {
                if (row(merchantId, "PROBE") != null) {
                    return;
                }
                Thread.sleep(200);
            }
        }
        throw new AssertionError("the transaction events consumer never read a probe");
    }

    @Test
    void eventsFromKafkaGiveOneRowWithTheNewestStateWhateverTheRepeatsAndTheLateEvents() throws Exception {
        awaitConsumerAssigned();
        String merchantId = newMerchantId();
        String key = merchantId + ":TREF1";
        Instant t0 = Instant.now();
        EventEnvelope authorized = event(merchantId, "TREF1", "authorized", "TO_CAPTURE", 1000,
                "2026-11-20T10:00:00+01:00", t0);
        EventEnvelope cancelled = event(merchantId, "TREF1", "cancelled", "CANCELLED", 0,
                "2026-11-20T10:00:00+01:00", t0.plusSeconds(60));
        byte[] authorizedJson = EventEnvelopeCodec.toJson(authorized);

        publish(key, authorizedJson);
        publish(key, "{not json".getBytes(StandardCharsets.UTF_8));
        publish(key, EventEnvelopeCodec.toJson(cancelled));
        publish(key, authorizedJson);
        publish(key, authorizedJson);
        EventEnvelope marker = event(merchantId, "TREF1", "cancelled", "CANCELLED", 0, "2026-11-20T10:00:00+01:00",
                t0.plusSeconds(120));
        publish(key, EventEnvelopeCodec.toJson(marker));

        // the marker is behind the late and repeated events on the same partition: once it is stored, they were seen
        Row row = awaitRow(merchantId, "TREF1", marker.id());
        assertThat(row).isNotNull();
        assertThat(row.getString("last_event_id")).isEqualTo(marker.id());
        assertThat(row.getString("status")).isEqualTo("CANCELLED");
        assertThat(row.getString("masked_pan")).isEqualTo("4100##########00");
        long rows = pool.preparedQuery("SELECT count(*) AS n FROM transaction_view WHERE merchant_id = $1")
                .execute(Tuple.of(merchantId)).await().atMost(Duration.ofSeconds(5)).iterator().next().getLong("n");
        assertThat(rows).isEqualTo(1);
    }

    @Test
    void anOlderEventOrTheSameEventAgainNeverOverwritesANewerState() {
        String merchantId = newMerchantId();
        Instant t0 = Instant.now();
        EventEnvelope authorized = event(merchantId, "TREF2", "authorized", "TO_CAPTURE", 1000,
                "2026-11-21T10:00:00Z", t0);
        EventEnvelope cancelled = event(merchantId, "TREF2", "cancelled", "CANCELLED", 0, "2026-11-21T10:00:00Z",
                t0.plusMillis(1));

        assertThat(apply(cancelled)).isEqualTo(Outcome.STORED);
        assertThat(apply(authorized)).isEqualTo(Outcome.ALREADY_NEWER);
        assertThat(apply(cancelled)).isEqualTo(Outcome.ALREADY_NEWER);
        assertThat(row(merchantId, "TREF2").getString("status")).isEqualTo("CANCELLED");
        assertThat(row(merchantId, "TREF2").getLong("current_amount")).isZero();
        assertThat(projector.onRecord("[]".getBytes(StandardCharsets.UTF_8), "test").await().indefinitely())
                .isEqualTo(Outcome.SKIPPED);
        EventEnvelope clearPan = event(merchantId, "TREF3", "authorized", "TO_CAPTURE", 1000, "2026-11-21T10:00:00Z", t0);
        Map<String, Object> data = new LinkedHashMap<>(clearPan.data());
        data.put("maskedPan", "4100000000000000");
        EventEnvelope withClearPan = new EventEnvelope(clearPan.id(), clearPan.source(), clearPan.type(),
                clearPan.time(), clearPan.subject(), data);
        assertThat(apply(withClearPan)).isEqualTo(Outcome.STORED);
        assertThat(row(merchantId, "TREF3").getString("masked_pan")).isNull();
    }

    private Outcome apply(EventEnvelope event) {
        return projector.onRecord(EventEnvelopeCodec.toJson(event), "test").await().atMost(Duration.ofSeconds(10));
    }

    @Test
    void theQueryApiFiltersPaginatesAndTotals() {
        String merchantId = newMerchantId();
        String otherMerchant = newMerchantId();
        Instant t0 = Instant.now();
        List<String> expectedOrder = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            String dateTime = OffsetDateTime.parse("2026-11-1" + i + "T12:00:00+01:00").toString();
            String status = i % 2 == 0 ? "CANCELLED" : "TO_CAPTURE";
            apply(event(merchantId, "REF" + i, i % 2 == 0 ? "cancelled" : "authorized", status, i % 2 == 0 ? 0 : 1000,
                    dateTime, t0));
            expectedOrder.addFirst("REF" + i);
        }
        apply(event(otherMerchant, "REF1", "authorized", "TO_CAPTURE", 1000, "2026-11-11T12:00:00+01:00", t0));

        List<String> seen = new ArrayList<>();
        String after = null;
        for (int page = 0; page < 5 && (page == 0 || after != null); page++) {
            var request = given().header("Authorization", "Bearer " + operator).queryParam("limit", 2);
            if (after != null) {
                request = request.queryParam("after", after);
            }
            Response answer = request.get("/api/v1/merchants/" + merchantId + "/transactions");
            assertThat(answer.statusCode()).as(answer.asString()).isEqualTo(200);
            seen.addAll(answer.jsonPath().getList("transactions.transactionReference", String.class));
            after = answer.jsonPath().getString("next");
        }
        assertThat(seen).isEqualTo(expectedOrder);

        Response cancelled = given().header("Authorization", "Bearer " + operator).queryParam("status", "CANCELLED")
                .get("/api/v1/merchants/" + merchantId + "/transactions");
        assertThat(cancelled.jsonPath().getList("transactions.transactionReference", String.class))
                .containsExactly("REF4", "REF2");
        Response window = given().header("Authorization", "Bearer " + operator)
                .queryParam("from", "2026-11-12").queryParam("to", "2026-11-14")
                .get("/api/v1/merchants/" + merchantId + "/transactions");
        assertThat(window.jsonPath().getList("transactions.transactionReference", String.class))
                .containsExactly("REF3", "REF2");
        Response one = given().header("Authorization", "Bearer " + operator).queryParam("reference", "REF1")
                .get("/api/v1/merchants/" + merchantId + "/transactions");
        assertThat(one.jsonPath().getList("transactions.transactionReference", String.class)).containsExactly("REF1");
        assertThat(one.jsonPath().getString("transactions[0].maskedPan")).isEqualTo("4100##########00");
        assertThat(one.jsonPath().getString("transactions[0].transactionDateTime")).isEqualTo("2026-11-11T12:00+01:00");

        Response bad = given().header("Authorization", "Bearer " + operator).queryParam("from", "yesterday")
                .queryParam("limit", 0).queryParam("after", "%%%")
                .get("/api/v1/merchants/" + merchantId + "/transactions");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.contentType()).startsWith("application/problem+json");
        assertThat(bad.jsonPath().getList("violations.field", String.class)).containsExactlyInAnyOrder("from", "limit", "after");

        Response totals = given().header("Authorization", "Bearer " + operator)
                .queryParam("from", "2026-11-11").queryParam("to", "2026-11-15")
                .get("/api/v1/merchants/" + merchantId + "/transactions/daily-totals");
        assertThat(totals.statusCode()).as(totals.asString()).isEqualTo(200);
        assertThat(totals.jsonPath().getList("days")).hasSize(5);
        assertThat(totals.jsonPath().getString("days[0].day")).isEqualTo("2026-11-11");
        assertThat(totals.jsonPath().getLong("days[0].amount")).isEqualTo(1000);
        assertThat(totals.jsonPath().getLong("days[1].currentAmount")).isZero();
        assertThat(totals.jsonPath().getString("days[1].status")).isEqualTo("CANCELLED");

        assertThat(given().header("Authorization", "Bearer " + merchantUser)
                .get("/api/v1/merchants/" + merchantId + "/transactions").statusCode()).isEqualTo(403);
        assertThat(given().get("/api/v1/merchants/" + merchantId + "/transactions").statusCode()).isEqualTo(401);
    }
}
