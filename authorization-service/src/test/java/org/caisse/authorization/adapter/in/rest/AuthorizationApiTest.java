package org.caisse.authorization.adapter.in.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.caisse.common.event.EventEnvelope;
import org.caisse.common.event.EventEnvelopeCodec;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@QuarkusTest
class AuthorizationApiTest {

    static final String MERCHANT = "002001000000001";
    static final String OTHER_MERCHANT = "002001000000002";
    static final String ACCEPTED_CARD = "5100000000000000";

    @Inject
    Pool pool;

    @ConfigProperty(name = "caisse.topics.transactions")
    String transactionsTopic;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    static String newReference() {
        return "T" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
    }

    static Map<String, Object> authorizationBody(String reference, String cardNumber, long amount) {
        Map<String, Object> card = new LinkedHashMap<>();
        card.put("number", cardNumber);
        card.put("expiryDate", "203012");
        card.put("cscValue", "123");
        Map<String, Object> notification = new LinkedHashMap<>();
        notification.put("automaticResponseUrl", "http://localhost:9999/notify");
        notification.put("keyVersion", 1);
        notification.put("sealAlgorithm", "HMAC-SHA-256");
        notification.put("interfaceVersion", "HP_2.24");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("merchantId", MERCHANT);
        body.put("transactionReference", reference);
        body.put("amount", amount);
        body.put("currencyCode", "978");
        body.put("captureMode", "AUTHOR_CAPTURE");
        body.put("captureDay", 2);
        body.put("orderChannel", "INTERNET");
        body.put("card", card);
        body.put("orderId", "ORDER-42");
        body.put("customerEmail", "shopper@example.org");
        body.put("customerIpAddress", "127.0.0.1");
        body.put("paymentPattern", "ONE_SHOT");
        body.put("customerLanguage", "fr");
        body.put("notification", notification);
        return body;
    }

    static Response authorize(Object body) {
        return given().auth().oauth2(ServiceTokens.paymentPage()).contentType(ContentType.JSON).body(body)
                .post("/internal/v1/authorizations");
    }

    static Response cancel(String reference, String operationId, long amount, String currencyCode) {
        return given().auth().oauth2(ServiceTokens.paymentPage()).contentType(ContentType.JSON)
                .body(Map.of("operationId", operationId, "amount", amount, "currencyCode", currencyCode,
                        "operationOrigin", "OFFICE"))
                .post("/internal/v1/merchants/" + MERCHANT + "/transactions/" + reference + "/cancel");
    }

    String acceptedTransaction(long amount) {
        String reference = newReference();
        authorize(authorizationBody(reference, ACCEPTED_CARD, amount)).then().statusCode(200)
                .body("responseCode", equalTo("00"));
        return reference;
    }

    long count(String sql, Object... params) {
        Row row = pool.preparedQuery(sql).execute(Tuple.from(params)).await().atMost(Duration.ofSeconds(10))
                .iterator().next();
        return row.getLong(0);
    }

    long transactionRows(String reference) {
        return count("SELECT count(*) FROM transaction WHERE merchant_id = $1 AND transaction_reference = $2",
                MERCHANT, reference);
    }

    long operationRows(String reference) {
        return count("""
                SELECT count(*) FROM operation o JOIN transaction t ON t.id = o.transaction_id
                 WHERE t.merchant_id = $1 AND t.transaction_reference = $2""", MERCHANT, reference);
    }

    long outboxRows(String reference) {
        return count("SELECT count(*) FROM outbox WHERE record_key = $1", MERCHANT + ":" + reference);
    }

    @Test
    void acceptedAuthorizationAnswersTheSnapshotStoresItAndPublishesTheEvent() {
        String reference = newReference();
        Response response = authorize(authorizationBody(reference, ACCEPTED_CARD, 1000));
        response.then().statusCode(200).contentType(ContentType.JSON);
        Map<String, Object> snapshot = response.jsonPath().getMap("");

        assertThat(snapshot).containsEntry("merchantId", MERCHANT)
                .containsEntry("transactionReference", reference)
                .containsEntry("status", "TO_CAPTURE")
                .containsEntry("responseCode", "00")
                .containsEntry("acquirerResponseCode", "00")
                .containsEntry("amount", 1000)
                .containsEntry("currentAmount", 1000)
                .containsEntry("currencyCode", "978")
                .containsEntry("captureMode", "AUTHOR_CAPTURE")
                .containsEntry("captureDay", 2)
                .containsEntry("orderChannel", "INTERNET")
                .containsEntry("maskedPan", "5100##########00")
                .containsEntry("panExpiryDate", "203012")
                .containsEntry("paymentMeanBrand", "MASTERCARD")
                .containsEntry("paymentMeanType", "CARD")
                .containsEntry("cardCSCResultCode", "4D")
                .containsEntry("holderAuthentStatus", "NOT_SPECIFIED")
                .containsEntry("orderId", "ORDER-42")
                .containsEntry("customerEmail", "shopper@example.org")
                .containsEntry("paymentPattern", "ONE_SHOT")
                .containsEntry("customerLanguage", "fr");
        assertThat((String) snapshot.get("authorisationId")).matches("\\d{6}");
        String dateTime = (String) snapshot.get("transactionDateTime");
        assertThat(dateTime).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}[+-]\\d{2}:\\d{2}");
        OffsetDateTime authorizedAt = OffsetDateTime.parse(dateTime);
        assertThat(authorizedAt.getOffset())
                .isEqualTo(ZoneId.of("Europe/Paris").getRules().getOffset(authorizedAt.toInstant()));
        assertThat(snapshot.get("captureLimitDate"))
                .isEqualTo(authorizedAt.toLocalDate().plusDays(2).format(DateTimeFormatter.BASIC_ISO_DATE));
        assertThat(response.jsonPath().getString("lastOperation.name")).isEqualTo("AUTHORIZATION");
        assertThat(response.jsonPath().getString("notification.automaticResponseUrl"))
                .isEqualTo("http://localhost:9999/notify");
        assertThat(response.asString()).doesNotContain(ACCEPTED_CARD).doesNotContain("cscValue");

        assertThat(transactionRows(reference)).isEqualTo(1);
        assertThat(operationRows(reference)).isEqualTo(1);
        assertThat(outboxRows(reference)).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM transaction WHERE transaction_reference = $1 AND masked_pan = $2",
                reference, "5100##########00")).isEqualTo(1);

        ConsumerRecord<String, byte[]> record = awaitEvent(MERCHANT + ":" + reference, 1).get(0);
        String payload = new String(record.value(), StandardCharsets.UTF_8);
        assertThat(payload).doesNotContain(ACCEPTED_CARD).doesNotContain("\"123\"");
        EventEnvelope event = EventEnvelopeCodec.fromJson(record.value());
        assertThat(event.type()).isEqualTo("org.caisse.transaction.authorized.v1");
        assertThat(event.source()).isEqualTo("/caisse/authorization-service");
        assertThat(event.subject()).isEqualTo(MERCHANT + ":" + reference);
        assertThat(event.data()).containsEntry("status", "TO_CAPTURE").containsEntry("transactionReference", reference);
        assertThat(count("SELECT count(*) FROM outbox WHERE id = $1::uuid AND published_at IS NOT NULL", event.id()))
                .isEqualTo(1);
    }

    @Test
    void refusedCardIsStoredAsRefusedAndPublishedAsRefused() {
        String reference = newReference();
        authorize(authorizationBody(reference, "4100000000000005", 1000)).then().statusCode(200)
                .body("responseCode", equalTo("05"))
                .body("status", equalTo("REFUSED"))
                .body("acquirerResponseCode", equalTo("05"))
                .body("paymentMeanBrand", equalTo("VISA"))
                .body("maskedPan", equalTo("4100##########05"));
        assertThat(transactionRows(reference)).isEqualTo(1);
        EventEnvelope event = EventEnvelopeCodec.fromJson(awaitEvent(MERCHANT + ":" + reference, 1).get(0).value());
        assertThat(event.type()).isEqualTo("org.caisse.transaction.refused.v1");
    }

    @Test
    void reusedReferenceAnswers94AndWritesNothing() {
        String reference = acceptedTransaction(1000);
        long operations = operationRows(reference);
        long outbox = outboxRows(reference);
        authorize(authorizationBody(reference, ACCEPTED_CARD, 2500)).then().statusCode(200)
                .body("responseCode", equalTo("94"))
                .body("transactionReference", equalTo(reference));
        assertThat(transactionRows(reference)).isEqualTo(1);
        assertThat(operationRows(reference)).isEqualTo(operations);
        assertThat(outboxRows(reference)).isEqualTo(outbox);
        assertThat(count("SELECT amount FROM transaction WHERE merchant_id = $1 AND transaction_reference = $2",
                MERCHANT, reference)).isEqualTo(1000);
    }

    @Test
    void concurrentAuthorizationsWithTheSameReferenceCreateOneTransaction() throws Exception {
        String reference = newReference();
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<String>> calls = new ArrayList<>();
        String token = ServiceTokens.paymentPage();
        for (int i = 0; i < 4; i++) {
            calls.add(CompletableFuture.supplyAsync(() -> {
                await(start);
                return given().auth().oauth2(token).contentType(ContentType.JSON)
                        .body(authorizationBody(reference, ACCEPTED_CARD, 1000))
                        .post("/internal/v1/authorizations").jsonPath().getString("responseCode");
            }));
        }
        start.countDown();
        List<String> codes = new ArrayList<>();
        for (CompletableFuture<String> call : calls) {
            codes.add(call.get());
        }
        assertThat(codes).containsOnlyOnce("00").contains("94");
        assertThat(transactionRows(reference)).isEqualTo(1);
        assertThat(outboxRows(reference)).isEqualTo(1);
    }

    @Test
    void getAnswersTheTransactionWithItsHistoryAndAnotherMerchantGets404() {
        String reference = acceptedTransaction(1000);
        given().auth().oauth2(ServiceTokens.paymentPage())
                .get("/internal/v1/merchants/" + MERCHANT + "/transactions/" + reference)
                .then().statusCode(200)
                .body("transaction.transactionReference", equalTo(reference))
                .body("transaction.status", equalTo("TO_CAPTURE"))
                .body("operations.size()", equalTo(1))
                .body("operations[0].name", equalTo("AUTHORIZATION"))
                .body("operations[0].amount", equalTo(1000))
                .body("operations[0].responseCode", equalTo("00"));
        given().auth().oauth2(ServiceTokens.paymentPage())
                .get("/internal/v1/merchants/" + OTHER_MERCHANT + "/transactions/" + reference)
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void partialThenTotalCancelLowersTheAmountThenCancelsAndPublishes() {
        String reference = acceptedTransaction(1000);
        cancel(reference, "op-" + UUID.randomUUID(), 300, "978").then().statusCode(200)
                .body("responseCode", equalTo("00"))
                .body("newAmount", equalTo(700))
                .body("newStatus", equalTo("TO_CAPTURE"))
                .body("transaction.currentAmount", equalTo(700))
                .body("transaction.amount", equalTo(1000))
                .body("transaction.lastOperation.name", equalTo("CANCEL"));
        cancel(reference, "op-" + UUID.randomUUID(), 700, "978").then().statusCode(200)
                .body("responseCode", equalTo("00"))
                .body("newAmount", equalTo(0))
                .body("newStatus", equalTo("CANCELLED"));
        assertThat(operationRows(reference)).isEqualTo(3);
        assertThat(outboxRows(reference)).isEqualTo(3);
        List<ConsumerRecord<String, byte[]>> events = awaitEvent(MERCHANT + ":" + reference, 3);
        assertThat(events).extracting(r -> EventEnvelopeCodec.fromJson(r.value()).type()).containsExactly(
                "org.caisse.transaction.authorized.v1", "org.caisse.transaction.cancelled.v1",
                "org.caisse.transaction.cancelled.v1");
        given().auth().oauth2(ServiceTokens.paymentPage())
                .get("/internal/v1/merchants/" + MERCHANT + "/transactions/" + reference)
                .then().statusCode(200)
                .body("transaction.status", equalTo("CANCELLED"))
                .body("operations.name", equalTo(List.of("AUTHORIZATION", "CANCEL", "CANCEL")))
                .body("operations.amount", equalTo(List.of(1000, 300, 700)));
    }

    @Test
    void cancelAboveTheRemainingAmountAnswers24AndChangesNothing() {
        String reference = acceptedTransaction(1000);
        cancel(reference, "op-" + UUID.randomUUID(), 1001, "978").then().statusCode(200)
                .body("responseCode", equalTo("24"))
                .body("newAmount", equalTo(1000))
                .body("newStatus", equalTo("TO_CAPTURE"));
        assertThat(outboxRows(reference)).isEqualTo(1);
        assertThat(count("SELECT current_amount FROM transaction WHERE merchant_id = $1 AND transaction_reference = $2",
                MERCHANT, reference)).isEqualTo(1000);
    }

    @Test
    void cancelInAnotherCurrencyAnswers12() {
        String reference = acceptedTransaction(1000);
        cancel(reference, "op-" + UUID.randomUUID(), 100, "840").then().statusCode(200)
                .body("responseCode", equalTo("12"));
    }

    @Test
    void cancelOfAnUnknownTransactionAnswers25() {
        cancel(newReference(), "op-" + UUID.randomUUID(), 100, "978").then().statusCode(200)
                .body("responseCode", equalTo("25"));
    }

    @Test
    void replayedOperationIdReturnsTheFirstAnswerAndRecordsOneOperation() {
        String reference = acceptedTransaction(1000);
        String operationId = "op-" + UUID.randomUUID();
        String first = cancel(reference, operationId, 300, "978").then().statusCode(200).extract().asString();
        String replay = cancel(reference, operationId, 300, "978").then().statusCode(200).extract().asString();
        assertThat(replay).isEqualTo(first);
        assertThat(count("SELECT count(*) FROM operation WHERE merchant_id = $1 AND operation_id = $2",
                MERCHANT, operationId)).isEqualTo(1);
        assertThat(count("SELECT current_amount FROM transaction WHERE merchant_id = $1 AND transaction_reference = $2",
                MERCHANT, reference)).isEqualTo(700);
    }

    @Test
    void twoConcurrentCancelsExceedingTheAmountTogetherAcceptExactlyOne() throws Exception {
        String reference = acceptedTransaction(1000);
        String token = ServiceTokens.paymentPage();
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<String>> calls = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            String operationId = "op-" + UUID.randomUUID();
            calls.add(CompletableFuture.supplyAsync(() -> {
                await(start);
                return given().auth().oauth2(token).contentType(ContentType.JSON)
                        .body(Map.of("operationId", operationId, "amount", 600, "currencyCode", "978"))
                        .post("/internal/v1/merchants/" + MERCHANT + "/transactions/" + reference + "/cancel")
                        .jsonPath().getString("responseCode");
            }));
        }
        start.countDown();
        List<String> codes = List.of(calls.get(0).get(), calls.get(1).get());
        assertThat(codes).containsExactlyInAnyOrder("00", "24");
        assertThat(count("SELECT current_amount FROM transaction WHERE merchant_id = $1 AND transaction_reference = $2",
                MERCHANT, reference)).isEqualTo(400);
    }

    @Test
    void cancelWithMalformedBodyAnswers400AndChangesNothing() {
        String reference = acceptedTransaction(1000);
        given().auth().oauth2(ServiceTokens.paymentPage()).contentType(ContentType.JSON)
                .body(Map.of("amount", 100, "currencyCode", "978"))
                .post("/internal/v1/merchants/" + MERCHANT + "/transactions/" + reference + "/cancel")
                .then().statusCode(400).contentType("application/problem+json").body("field", equalTo("operationId"));
        given().auth().oauth2(ServiceTokens.paymentPage()).contentType(ContentType.JSON)
                .body(Map.of("operationId", "op-1", "amount", 100, "currencyCode", "999"))
                .post("/internal/v1/merchants/" + MERCHANT + "/transactions/" + reference + "/cancel")
                .then().statusCode(400).body("field", equalTo("currencyCode"));
        assertThat(operationRows(reference)).isEqualTo(1);
    }

    static Stream<Arguments> malformedAuthorizations() {
        return Stream.of(
                Arguments.of("merchantId", (Consumer<Map<String, Object>>) b -> b.put("merchantId", "12345")),
                Arguments.of("transactionReference", (Consumer<Map<String, Object>>) b -> b.put("transactionReference", "REF-WITH-DASH")),
                Arguments.of("transactionReference", (Consumer<Map<String, Object>>) b -> b.put("transactionReference", "A".repeat(36))),
                Arguments.of("amount", (Consumer<Map<String, Object>>) b -> b.put("amount", 0)),
                Arguments.of("amount", (Consumer<Map<String, Object>>) b -> b.put("amount", -10)),
                Arguments.of("amount", (Consumer<Map<String, Object>>) b -> b.put("amount", 10.5)),
                Arguments.of("amount", (Consumer<Map<String, Object>>) b -> b.put("amount", "ten")),
                Arguments.of("amount", (Consumer<Map<String, Object>>) b -> b.remove("amount")),
                Arguments.of("currencyCode", (Consumer<Map<String, Object>>) b -> b.put("currencyCode", "999")),
                Arguments.of("currencyCode", (Consumer<Map<String, Object>>) b -> b.put("currencyCode", "EUR")),
                Arguments.of("captureMode", (Consumer<Map<String, Object>>) b -> b.put("captureMode", "LATER")),
                Arguments.of("captureDay", (Consumer<Map<String, Object>>) b -> b.put("captureDay", 100)),
                Arguments.of("card", (Consumer<Map<String, Object>>) b -> b.remove("card")),
                Arguments.of("card.number", (Consumer<Map<String, Object>>) b -> card(b).put("number", "51000000000")),
                Arguments.of("card.number", (Consumer<Map<String, Object>>) b -> card(b).put("number", "5100a00000000000")),
                Arguments.of("card.expiryDate", (Consumer<Map<String, Object>>) b -> card(b).put("expiryDate", "203013")),
                Arguments.of("card.expiryDate", (Consumer<Map<String, Object>>) b -> card(b).put("expiryDate", "12/30")),
                Arguments.of("card.cscValue", (Consumer<Map<String, Object>>) b -> card(b).put("cscValue", "12")),
                Arguments.of("statementReference", (Consumer<Map<String, Object>>) b -> b.put("statementReference", "S".repeat(256))),
                Arguments.of("notification.automaticResponseUrl", (Consumer<Map<String, Object>>) b -> notification(b).put("automaticResponseUrl", "ftp://shop.example/notify")),
                Arguments.of("notification.automaticResponseUrl", (Consumer<Map<String, Object>>) b -> notification(b).put("automaticResponseUrl", "javascript:alert(1)")),
                Arguments.of("notification.automaticResponseUrl", (Consumer<Map<String, Object>>) b -> notification(b).put("automaticResponseUrl", "https://user:pw@shop.example/notify")),
                Arguments.of("notification.automaticResponseUrl", (Consumer<Map<String, Object>>) b -> notification(b).put("automaticResponseUrl", "http://shop example/notify")),
                Arguments.of("notification.automaticResponseUrl", (Consumer<Map<String, Object>>) b -> notification(b).put("automaticResponseUrl", "/notify")));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> notification(Map<String, Object> body) {
        return (Map<String, Object>) body.get("notification");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> card(Map<String, Object> body) {
        return (Map<String, Object>) body.get("card");
    }

    @ParameterizedTest(name = "{0} invalid → 400")
    @MethodSource("malformedAuthorizations")
    void malformedAuthorizationAnswers400NamingTheFieldAndStoresNothing(String field,
                                                                        Consumer<Map<String, Object>> breakIt) {
        String reference = newReference();
        Map<String, Object> body = authorizationBody(reference, ACCEPTED_CARD, 1000);
        breakIt.accept(body);
        Response response = authorize(body);
        response.then().statusCode(400).contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("field", equalTo(field));
        assertThat(response.asString()).doesNotContain("5100000000000000").doesNotContain("5100a00000000000")
                .doesNotContain("51000000000\"");
        assertThat(transactionRows(reference)).isZero();
    }

    @Test
    void automaticResponseUrlSchemeInUpperCaseAndA255CharacterStatementReferenceAreAccepted() {
        String reference = newReference();
        Map<String, Object> body = authorizationBody(reference, ACCEPTED_CARD, 1000);
        notification(body).put("automaticResponseUrl", "HTTPS://Shop.Example:8443/notify?x=1");
        body.put("statementReference", "S".repeat(255));
        authorize(body).then().statusCode(200)
                .body("responseCode", equalTo("00"))
                .body("notification.automaticResponseUrl", equalTo("HTTPS://Shop.Example:8443/notify?x=1"))
                .body("statementReference", equalTo("S".repeat(255)));
        assertThat(transactionRows(reference)).isEqualTo(1);
    }

    @Test
    void bodyThatIsNotJsonAnswers400ProblemWithoutEchoingIt() {
        Response response = given().auth().oauth2(ServiceTokens.paymentPage()).contentType(ContentType.JSON)
                .body("{\"merchantId\": \"002001000000001\", \"card\": {\"number\": 5100000000000000")
                .post("/internal/v1/authorizations");
        response.then().statusCode(400).contentType("application/problem+json").body("field", equalTo("body"));
        assertThat(response.asString()).doesNotContain("5100000000000000");
    }

    @Test
    void wrongTypeInsideTheCardNamesTheFieldWithoutEchoingTheNumber() {
        Map<String, Object> body = authorizationBody(newReference(), ACCEPTED_CARD, 1000);
        body.put("card", Map.of("number", Map.of("pan", "5100000000000000"), "expiryDate", "203012"));
        Response response = authorize(body);
        response.then().statusCode(400).contentType("application/problem+json").body("field", equalTo("card.number"));
        assertThat(response.asString()).doesNotContain("5100000000000000");
    }

    @Test
    void requestsWithoutAValidServiceTokenAre401() {
        String reference = newReference();
        given().contentType(ContentType.JSON).body(authorizationBody(reference, ACCEPTED_CARD, 1000))
                .post("/internal/v1/authorizations").then().statusCode(401);
        given().auth().oauth2(ServiceTokens.as("payment-page-service", "office-server-service"))
                .contentType(ContentType.JSON).body(authorizationBody(reference, ACCEPTED_CARD, 1000))
                .post("/internal/v1/authorizations").then().statusCode(401);
        given().get("/internal/v1/merchants/" + MERCHANT + "/transactions/" + reference).then().statusCode(401);
        given().contentType(ContentType.JSON).body(Map.of("operationId", "x", "amount", 1, "currencyCode", "978"))
                .post("/internal/v1/merchants/" + MERCHANT + "/transactions/" + reference + "/cancel")
                .then().statusCode(401);
        assertThat(transactionRows(reference)).isZero();
    }

    @Test
    void outboxLagIsExposedAsAMetric() {
        given().get("/q/metrics").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("caisse_outbox_unpublished"));
    }

    /** Reads the transactions topic from the beginning until {@code expected} events with that subject arrived. */
    List<ConsumerRecord<String, byte[]>> awaitEvent(String key, int expected) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "authorization-test-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        Map<String, Object> config = new HashMap<>();
        props.forEach((k, v) -> config.put((String) k, v));
        List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(transactionsTopic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (found.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (key.equals(record.key())
                            && key.equals(EventEnvelopeCodec.fromJson(record.value()).subject())) {
                        found.add(record);
                    }
                }
            }
        }
        assertThat(found).as("events with subject %s on %s", key, transactionsTopic).hasSize(expected);
        return found;
    }

    static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
