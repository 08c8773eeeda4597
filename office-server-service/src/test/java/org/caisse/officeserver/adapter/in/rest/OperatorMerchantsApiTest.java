package org.caisse.officeserver.adapter.in.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.caisse.common.event.EventEnvelope;
import org.caisse.common.event.EventEnvelopeCodec;
import org.caisse.officeserver.support.FakeDownstreamsResource;
import org.caisse.officeserver.support.KeycloakUsers;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The operator API with real Keycloak tokens, the real PostgreSQL and the merchants topic of the real Kafka. */
@QuarkusTest
@WithTestResource(value = FakeDownstreamsResource.class, scope = TestResourceScope.GLOBAL)
class OperatorMerchantsApiTest {

    private static KeycloakUsers keycloak;
    private static String operator;
    private static String merchantUser;

    @ConfigProperty(name = "caisse.topics.merchants")
    String merchantsTopic;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @BeforeAll
    static void users() {
        keycloak = new KeycloakUsers();
        operator = keycloak.tokenOf(List.of("operator"));
        merchantUser = keycloak.tokenOf(List.of("merchant-admin"));
    }

    @AfterAll
    static void cleanUp() {
        if (keycloak != null) {
            keycloak.close();
        }
    }

    private static String newMerchantId() {
        return "8" + String.format("%014d", ThreadLocalRandom.current().nextLong(100_000_000_000_000L));
    }

    private static Map<String, Object> settings(String merchantId) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("merchantId", merchantId);
        document.put("shopName", "Operator shop " + merchantId);
        document.put("mode", "TEST");
        document.put("allowedUrlPatterns", List.of("https://shop.example"));
        document.put("legacySha256Allowed", false);
        document.put("currencies", List.of("978"));
        document.put("languages", List.of("fr", "en"));
        document.put("defaultLanguage", "fr");
        return document;
    }

    private static Response create(Object body, String token) {
        var request = given().contentType(ContentType.JSON).body(body);
        if (token != null) {
            request = request.header("Authorization", "Bearer " + token);
        }
        return request.post("/api/v1/merchants");
    }

    @Test
    void operatorCreatesReadsAndEditsAMerchantAndEveryChangeIsPublished() {
        String merchantId = newMerchantId();
        Map<String, Object> document = settings(merchantId);
        document.put("captureMode", "VALIDATION");
        document.put("captureDay", 5);
        document.put("frameAncestors", List.of("https://shop.example", "https://*.shop.example"));
        document.put("merchantTicketEmail", true);
        document.put("merchantEmail", "orders@shop.example");
        document.put("dataRetentionDays", 90);

        Response created = create(document, operator);
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.header("ETag")).isEqualTo("\"1\"");
        assertThat(created.jsonPath().getInt("version")).isEqualTo(1);
        assertThat(created.jsonPath().getString("captureMode")).isEqualTo("VALIDATION");
        assertThat(created.jsonPath().getBoolean("automaticResponseEnabled")).isTrue();

        assertThat(create(document, operator).statusCode()).isEqualTo(409);

        Response read = given().header("Authorization", "Bearer " + operator).get("/api/v1/merchants/" + merchantId);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.jsonPath().getInt("dataRetentionDays")).isEqualTo(90);
        assertThat(read.jsonPath().getList("frameAncestors")).containsExactly("https://shop.example", "https://*.shop.example");

        document.put("shopName", "Renamed shop");
        Response edited = given().header("Authorization", "Bearer " + operator).header("If-Match", "\"1\"")
                .contentType(ContentType.JSON).body(document).put("/api/v1/merchants/" + merchantId);
        assertThat(edited.statusCode()).isEqualTo(200);
        assertThat(edited.jsonPath().getInt("version")).isEqualTo(2);

        // the same edit from the old version: stale
        Response stale = given().header("Authorization", "Bearer " + operator).header("If-Match", "\"1\"")
                .contentType(ContentType.JSON).body(document).put("/api/v1/merchants/" + merchantId);
        assertThat(stale.statusCode()).isEqualTo(412);
        assertThat(stale.contentType()).startsWith("application/problem+json");
        Map<String, Object> withStaleVersion = new LinkedHashMap<>(document);
        withStaleVersion.put("version", 1);
        withStaleVersion.put("shopName", "Lost update");
        Response conflict = given().header("Authorization", "Bearer " + operator)
                .contentType(ContentType.JSON).body(withStaleVersion).put("/api/v1/merchants/" + merchantId);
        assertThat(conflict.statusCode()).isEqualTo(409);
        assertThat(conflict.jsonPath().getInt("status")).isEqualTo(409);

        List<EventEnvelope> events = eventsFor(merchantId, 2);
        assertThat(events).hasSize(2);
        Map<?, ?> first = (Map<?, ?>) events.get(0).data();
        Map<?, ?> second = (Map<?, ?>) events.get(1).data();
        assertThat(((Number) first.get("version")).longValue()).isEqualTo(1);
        assertThat(first.get("captureMode")).isEqualTo("VALIDATION");
        assertThat(first.get("merchantEmail")).isEqualTo("orders@shop.example");
        assertThat(first.get("frameAncestors")).isEqualTo(List.of("https://shop.example", "https://*.shop.example"));
        assertThat(((Number) second.get("version")).longValue()).isEqualTo(2);
        assertThat(second.get("shopName")).isEqualTo("Renamed shop");

        Response list = given().header("Authorization", "Bearer " + operator)
                .queryParam("after", String.valueOf(Long.parseLong(merchantId) - 1)).queryParam("limit", 1)
                .get("/api/v1/merchants");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.jsonPath().getString("merchants[0].merchantId")).isEqualTo(merchantId);
        assertThat(list.jsonPath().getString("next")).isEqualTo(merchantId);
    }

    @Test
    void refusalsAreProblemsAndChangeNothing() {
        String merchantId = newMerchantId();
        Response anonymous = create(settings(merchantId), null);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.contentType()).startsWith("application/problem+json");

        Response forged = create(settings(merchantId), "not.a.token");
        assertThat(forged.statusCode()).isEqualTo(401);
        assertThat(forged.contentType()).startsWith("application/problem+json");

        Response notOperator = create(settings(merchantId), merchantUser);
        assertThat(notOperator.statusCode()).isEqualTo(403);
        assertThat(notOperator.contentType()).startsWith("application/problem+json");
        assertThat(given().header("Authorization", "Bearer " + merchantUser).get("/api/v1/merchants").statusCode())
                .isEqualTo(403);

        Map<String, Object> invalid = settings(merchantId);
        invalid.put("dataRetentionDays", 30);
        invalid.put("frameAncestors", List.of("http://shop.example"));
        invalid.put("captureDay", 100);
        invalid.put("colour", "red");
        Response refused = create(invalid, operator);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.jsonPath().getList("violations.field", String.class))
                .contains("dataRetentionDays", "frameAncestors/0", "captureDay", "colour");

        assertThat(given().header("Authorization", "Bearer " + operator).get("/api/v1/merchants/" + merchantId)
                .statusCode()).isEqualTo(404);
        Response unknownEdit = given().header("Authorization", "Bearer " + operator).header("If-Match", "\"1\"")
                .contentType(ContentType.JSON).body(settings(merchantId)).put("/api/v1/merchants/" + merchantId);
        assertThat(unknownEdit.statusCode()).isEqualTo(404);
        assertThat(unknownEdit.contentType()).startsWith("application/problem+json");
        Response unversioned = given().header("Authorization", "Bearer " + operator)
                .contentType(ContentType.JSON).body(settings(merchantId)).put("/api/v1/merchants/" + merchantId);
        assertThat(unversioned.statusCode()).isEqualTo(428);
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
}
