package org.caisse.officeserver.adapter.in.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
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
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.util.KeyUtils;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.caisse.common.event.EventEnvelope;
import org.caisse.common.event.EventEnvelopeCodec;
import org.caisse.officeserver.domain.merchant.DemoMerchant;
import org.caisse.officeserver.support.FakeDownstreamsResource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** {@code PUT /internal/v1/merchants/{merchantId}} against the real PostgreSQL and Kafka. */
@QuarkusTest
@WithTestResource(value = FakeDownstreamsResource.class, scope = TestResourceScope.GLOBAL)
class MerchantAccountsApiTest {

    private static final String SECRETS = "../.caisse/secrets/jwt/";

    @Inject
    Pool pool;

    @ConfigProperty(name = "caisse.topics.merchants")
    String merchantsTopic;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private static String newMerchantId() {
        return "9" + String.format("%014d", ThreadLocalRandom.current().nextLong(100_000_000_000_000L));
    }

    private static Map<String, Object> settings(String merchantId) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("merchantId", merchantId);
        document.put("shopName", "Test shop " + merchantId);
        document.put("mode", "TEST");
        document.put("allowedUrlPatterns", List.of("https://shop.example", "http://localhost:*"));
        document.put("legacySha256Allowed", false);
        document.put("currencies", List.of("978", "840"));
        document.put("languages", List.of("fr", "en"));
        document.put("defaultLanguage", "en");
        // the later, optional fields with their default values: a complete document is stored as sent
        document.put("captureMode", "AUTHOR_CAPTURE");
        document.put("captureDay", 0);
        document.put("automaticResponseEnabled", true);
        document.put("shopperTicketEmail", false);
        document.put("merchantTicketEmail", false);
        document.put("frameAncestors", List.of());
        document.put("dataRetentionDays", 540);
        return document;
    }

    @Test
    void aDocumentWithoutTheLaterFieldsIsStoredAndPublishedWithTheirDefaults() throws Exception {
        String merchantId = newMerchantId();
        Map<String, Object> complete = settings(merchantId);
        Map<String, Object> firstVersionOnly = new LinkedHashMap<>(complete);
        List.of("captureMode", "captureDay", "automaticResponseEnabled", "shopperTicketEmail", "merchantTicketEmail",
                "frameAncestors", "dataRetentionDays").forEach(firstVersionOnly::remove);

        Response response = put(merchantId, firstVersionOnly,
                serviceToken("payment-page-service", "office-server-service"));

        assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
        assertThat(storedSettings(merchantId)).isEqualTo(complete);
        Map<?, ?> data = (Map<?, ?>) eventsFor(merchantId, 1).getFirst().data();
        assertThat(((Number) data.get("dataRetentionDays")).intValue()).isEqualTo(540);
        assertThat(data.get("captureMode")).isEqualTo("AUTHOR_CAPTURE");
    }

    private static String serviceToken(String caller, String audience) throws Exception {
        return signedToken(caller, caller, audience);
    }

    /** Claims {@code sub = caller}; signed with {@code signer}'s key, whose name is the header kid. */
    private static String signedToken(String caller, String signer, String audience) throws Exception {
        return Jwt.issuer("caisse").subject(caller).audience(audience).groups("service")
                .expiresIn(Duration.ofMinutes(5))
                .jws().keyId(signer)
                .sign(KeyUtils.decodePrivateKey(java.nio.file.Files.readString(Path.of(SECRETS + signer + ".key.pem"))));
    }

    private static Response put(String merchantId, Object body, String token) {
        var request = given().contentType(ContentType.JSON).body(body);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request.when().put("/internal/v1/merchants/" + merchantId);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> storedSettings(String merchantId) throws Exception {
        var rows = pool.preparedQuery("SELECT settings FROM merchant WHERE merchant_id = $1")
                .execute(Tuple.of(merchantId)).await().atMost(Duration.ofSeconds(10));
        if (rows.rowCount() == 0) {
            return null;
        }
        return new com.fasterxml.jackson.databind.ObjectMapper().readValue(
                rows.iterator().next().getJsonObject("settings").encode(), Map.class);
    }

    private long outboxRows(String merchantId) {
        Row row = pool.preparedQuery("SELECT count(*) AS n FROM outbox WHERE record_key = $1")
                .execute(Tuple.of(merchantId)).await().atMost(Duration.ofSeconds(10)).iterator().next();
        return row.getLong("n");
    }

    private List<EventEnvelope> eventsFor(String merchantId, int expected) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, "office-server-test-" + UUID.randomUUID());
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<EventEnvelope> events = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(properties, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(merchantsTopic));
            Instant deadline = Instant.now().plusSeconds(30);
            while (events.size() < expected && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (merchantId.equals(record.key())) {
                        events.add(EventEnvelopeCodec.fromJson(record.value()));
                    }
                }
            }
        }
        return events;
    }

    @Test
    void aValidPutStoresTheMerchantAndPublishesItOnTheMerchantsTopic() throws Exception {
        String merchantId = newMerchantId();
        Map<String, Object> document = settings(merchantId);

        Response response = put(merchantId, document, serviceToken("payment-page-service", "office-server-service"));

        assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
        assertThat(response.jsonPath().getMap("$")).isEqualTo(document);
        assertThat(storedSettings(merchantId)).isEqualTo(document);
        assertThat(merchantsTopic).isEqualTo("test.caisse.merchants.v1");

        List<EventEnvelope> events = eventsFor(merchantId, 1);
        assertThat(events).hasSize(1);
        EventEnvelope event = events.get(0);
        assertThat(event.type()).isEqualTo("org.caisse.merchant.updated.v1");
        assertThat(event.source()).isEqualTo("/caisse/office-server-service");
        assertThat(event.subject()).isEqualTo(merchantId);
        Map<String, Object> expectedData = new LinkedHashMap<>(document);
        expectedData.put("version", 1);
        assertThat(event.data()).isEqualTo(expectedData);
        assertThat(UUID.fromString(event.id())).isNotNull();
    }

    @Test
    void puttingTheSameSettingsAgainWritesNoNewOutboxRowButAChangeDoes() throws Exception {
        String merchantId = newMerchantId();
        String token = serviceToken("payment-page-service", "office-server-service");
        assertThat(put(merchantId, settings(merchantId), token).statusCode()).isEqualTo(200);
        assertThat(put(merchantId, settings(merchantId), token).statusCode()).isEqualTo(200);
        assertThat(outboxRows(merchantId)).isEqualTo(1);

        Map<String, Object> changed = settings(merchantId);
        changed.put("mode", "PRODUCTION");
        assertThat(put(merchantId, changed, token).statusCode()).isEqualTo(200);
        assertThat(outboxRows(merchantId)).isEqualTo(2);
        assertThat(storedSettings(merchantId)).containsEntry("mode", "PRODUCTION");
        List<EventEnvelope> events = eventsFor(merchantId, 2);
        assertThat(events).extracting(e -> e.data().get("mode")).containsExactly("TEST", "PRODUCTION");
    }

    @Test
    void eachChangeCarriesTheNextVersionAndTheDatabaseTimeOfItsWrite() throws Exception {
        String merchantId = newMerchantId();
        String token = serviceToken("payment-page-service", "office-server-service");
        Map<String, Object> document = settings(merchantId);
        for (String mode : List.of("TEST", "PRODUCTION", "TEST")) {
            document.put("mode", mode);
            assertThat(put(merchantId, document, token).statusCode()).isEqualTo(200);
        }
        Row stored = pool.preparedQuery("SELECT version, updated_at FROM merchant WHERE merchant_id = $1")
                .execute(Tuple.of(merchantId)).await().atMost(Duration.ofSeconds(10)).iterator().next();
        assertThat(stored.getLong("version")).isEqualTo(3);

        List<EventEnvelope> events = eventsFor(merchantId, 3);
        assertThat(events).extracting(e -> ((Number) e.data().get("version")).longValue()).containsExactly(1L, 2L, 3L);
        assertThat(events).extracting(e -> e.data().get("mode")).containsExactly("TEST", "PRODUCTION", "TEST");
        assertThat(events.get(0).time()).isBefore(events.get(1).time());
        assertThat(events.get(1).time()).isBefore(events.get(2).time());
        assertThat(events.get(2).time()).isEqualTo(stored.getOffsetDateTime("updated_at").toInstant());
    }

    @Test
    void invalidSettingsAreRefusedWithAProblemAndNothingIsStored() throws Exception {
        String token = serviceToken("payment-page-service", "office-server-service");
        List<Map<String, Object>> invalids = new ArrayList<>();
        for (String field : List.of("mode", "allowedUrlPatterns", "currencies", "merchantId", "defaultLanguage")) {
            String merchantId = newMerchantId();
            Map<String, Object> document = settings(merchantId);
            switch (field) {
                case "mode" -> document.put("mode", "LIVE");
                case "allowedUrlPatterns" -> document.put("allowedUrlPatterns", List.of("http://[1.2.3.4]"));
                case "currencies" -> document.put("currencies", List.of("978", "999"));
                case "merchantId" -> document.put("merchantId", newMerchantId());
                default -> document.put("defaultLanguage", "de");
            }
            Response response = put(merchantId, document, token);
            assertThat(response.statusCode()).as(field).isEqualTo(400);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.jsonPath().getInt("status")).isEqualTo(400);
            assertThat(response.jsonPath().getList("violations.field", String.class).toString()).contains(field);
            assertThat(storedSettings(merchantId)).as(field).isNull();
            assertThat(outboxRows(merchantId)).as(field).isZero();
            invalids.add(document);
        }
        assertThat(invalids).hasSize(5);
    }

    @Test
    void aBodyThatIsNotJsonIsAProblem() throws Exception {
        String merchantId = newMerchantId();
        Response response = given().contentType(ContentType.JSON).body("{not json")
                .header("Authorization", "Bearer " + serviceToken("payment-page-service", "office-server-service"))
                .put("/internal/v1/merchants/" + merchantId);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(storedSettings(merchantId)).isNull();
    }

    @Test
    void withoutAValidServiceTokenNothingIsStored() throws Exception {
        String merchantId = newMerchantId();
        assertThat(put(merchantId, settings(merchantId), null).statusCode()).isEqualTo(401);
        assertThat(put(merchantId, settings(merchantId), "not.a.jwt").statusCode()).isEqualTo(401);
        assertThat(put(merchantId, settings(merchantId), serviceToken("payment-page-service", "authorization-service"))
                .statusCode()).isEqualTo(401);
        assertThat(storedSettings(merchantId)).isNull();
        assertThat(outboxRows(merchantId)).isZero();
    }

    @Test
    void onlyTheConfiguredMerchantWritersMayPutAndARefusedCallerChangesNothing() throws Exception {
        String merchantId = newMerchantId();
        // notification-service is a genuine service but not in caisse.internal.merchant-writers.
        Response notAWriter = put(merchantId, settings(merchantId),
                serviceToken("notification-service", "office-server-service"));
        assertThat(notAWriter.statusCode()).isEqualTo(403);
        assertThat(notAWriter.contentType()).startsWith("application/problem+json");
        assertThat(notAWriter.jsonPath().getInt("status")).isEqualTo(403);
        // Signed with notification-service's key but claiming to be the allowed writer.
        Response forged = put(merchantId, settings(merchantId),
                signedToken("payment-page-service", "notification-service", "office-server-service"));
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.contentType()).startsWith("application/problem+json");
        assertThat(storedSettings(merchantId)).isNull();
        assertThat(outboxRows(merchantId)).isZero();

        assertThat(put(merchantId, settings(merchantId), serviceToken("payment-page-service", "office-server-service"))
                .statusCode()).isEqualTo(200);
        assertThat(storedSettings(merchantId)).isEqualTo(settings(merchantId));
    }

    @Test
    void theDemoMerchantIsSeededAtStart() throws Exception {
        assertThat(storedSettings(DemoMerchant.MERCHANT_ID)).isEqualTo(DemoMerchant.settings().toDocument());
        assertThat(outboxRows(DemoMerchant.MERCHANT_ID)).isPositive();
    }
}
