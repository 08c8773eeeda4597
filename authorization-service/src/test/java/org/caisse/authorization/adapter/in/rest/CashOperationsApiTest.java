package org.caisse.authorization.adapter.in.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.caisse.authorization.adapter.in.rest.AuthorizationApiTest.ACCEPTED_CARD;
import static org.caisse.authorization.adapter.in.rest.AuthorizationApiTest.MERCHANT;
import static org.caisse.authorization.adapter.in.rest.AuthorizationApiTest.OTHER_MERCHANT;
import static org.caisse.authorization.adapter.in.rest.AuthorizationApiTest.authorizationBody;
import static org.caisse.authorization.adapter.in.rest.AuthorizationApiTest.authorize;
import static org.caisse.authorization.adapter.in.rest.AuthorizationApiTest.newReference;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.caisse.authorization.TestClock;
import org.caisse.authorization.TopicProbe;
import org.caisse.common.event.EventEnvelope;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Validate, refund, referral forcing and the remittance through the internal API, with their events. */
@QuarkusTest
public class CashOperationsApiTest {

    @Inject
    TestClock clock;

    @ConfigProperty(name = "caisse.topics.transactions")
    String transactionsTopic;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    static JsonPath operate(String merchant, String reference, String operation, long amount) {
        return operate(merchant, reference, operation, amount, "op-" + UUID.randomUUID());
    }

    static JsonPath operate(String merchant, String reference, String operation, long amount, String operationId) {
        return given().auth().oauth2(ServiceTokens.as("office-server-service", "authorization-service"))
                .contentType(ContentType.JSON)
                .body(Map.of("operationId", operationId, "amount", amount, "currencyCode", "978",
                        "operationOrigin", "TEST"))
                .post("/internal/v1/merchants/" + merchant + "/transactions/" + reference + "/" + operation)
                .then().statusCode(200).extract().jsonPath();
    }

    public static JsonPath remit(String merchant) {
        return given().auth().oauth2(ServiceTokens.as("office-server-service", "authorization-service"))
                .contentType(ContentType.JSON).body(Map.of("merchantId", merchant))
                .post("/internal/v1/remittance/runs")
                .then().statusCode(200).extract().jsonPath();
    }

    public static JsonPath transaction(String reference) {
        return given().auth().oauth2(ServiceTokens.paymentPage())
                .get("/internal/v1/merchants/" + MERCHANT + "/transactions/" + reference)
                .then().statusCode(200).extract().jsonPath();
    }

    public static String authorized(String captureMode, int captureDay, long amount, String card) {
        String reference = newReference();
        Map<String, Object> body = authorizationBody(reference, card, amount);
        body.put("captureMode", captureMode);
        body.put("captureDay", captureDay);
        authorize(body).then().statusCode(200);
        return reference;
    }

    @Test
    void validateCaptureRefundAndCreditAPayment() {
        String reference = authorized("VALIDATION", 5, 1000, ACCEPTED_CARD);
        String key = MERCHANT + ":" + reference;
        try (TopicProbe events = new TopicProbe(bootstrapServers, transactionsTopic)) {
            JsonPath validated = operate(MERCHANT, reference, "validate", 600);
            assertThat(validated.getString("responseCode")).isEqualTo("00");
            assertThat(validated.getString("newStatus")).isEqualTo("TO_CAPTURE");
            assertThat(validated.getLong("newAmount")).isEqualTo(600);
            assertThat(operate(MERCHANT, reference, "validate", 100).getString("responseCode")).isEqualTo("24");
            assertThat(operate(MERCHANT, reference, "refund", 100).getString("responseCode"))
                    .as("no refund before capture").isEqualTo("24");

            assertThat(remit(MERCHANT).getInt("captured")).isGreaterThanOrEqualTo(1);
            JsonPath captured = transaction(reference);
            assertThat(captured.getString("transaction.status")).isEqualTo("CAPTURED");
            assertThat(captured.getLong("transaction.capturedAmount")).isEqualTo(600);

            assertThat(operate(MERCHANT, reference, "refund", 200).getString("newStatus")).isEqualTo("TO_CREDIT");
            assertThat(operate(MERCHANT, reference, "refund", 401).getString("responseCode"))
                    .as("refunds never exceed the captured amount").isEqualTo("24");
            JsonPath second = operate(MERCHANT, reference, "refund", 400);
            assertThat(second.getString("responseCode")).isEqualTo("00");
            assertThat(second.getLong("newAmount")).isZero();
            remit(MERCHANT);
            JsonPath credited = transaction(reference);
            assertThat(credited.getString("transaction.status")).isEqualTo("CREDITED");
            assertThat(credited.getLong("transaction.refundedAmount")).isEqualTo(600);
            assertThat(credited.getList("operations.name")).containsSubsequence(
                    "AUTHORIZATION", "VALIDATION", "CAPTURE", "REFUND", "REFUND", "CREDIT_REMITTANCE");

            // the authorization's own event may still be on its way when the probe starts: only the operations count
            List<String> types = events.await(e -> key.equals(e.subject())
                    && !e.type().equals("org.caisse.transaction.authorized.v1"), 5).stream()
                    .map(EventEnvelope::type).toList();
            assertThat(types).containsExactly("org.caisse.transaction.validated.v1",
                    "org.caisse.transaction.captured.v1", "org.caisse.transaction.refunded.v1",
                    "org.caisse.transaction.refunded.v1", "org.caisse.transaction.credited.v1");
        }
    }

    @Test
    void aReplayedOperationIdAnswersTheSameAndRefundsOnce() {
        String reference = authorized("IMMEDIATE", 0, 1000, ACCEPTED_CARD);
        String operationId = "refund-" + UUID.randomUUID();
        String first = given().auth().oauth2(ServiceTokens.paymentPage()).contentType(ContentType.JSON)
                .body(Map.of("operationId", operationId, "amount", 300, "currencyCode", "978"))
                .post("/internal/v1/merchants/" + MERCHANT + "/transactions/" + reference + "/refund")
                .then().statusCode(200).extract().asString();
        for (int i = 0; i < 3; i++) {
            String again = given().auth().oauth2(ServiceTokens.paymentPage()).contentType(ContentType.JSON)
                    .body(Map.of("operationId", operationId, "amount", 300, "currencyCode", "978"))
                    .post("/internal/v1/merchants/" + MERCHANT + "/transactions/" + reference + "/refund")
                    .then().statusCode(200).extract().asString();
            assertThat(again).isEqualTo(first);
        }
        assertThat(transaction(reference).getLong("transaction.refundedAmount")).isEqualTo(300);
    }

    @Test
    void anotherMerchantsTransactionIsUnknownAndUntouched() {
        String reference = authorized("IMMEDIATE", 0, 1000, ACCEPTED_CARD);
        assertThat(operate(OTHER_MERCHANT, reference, "refund", 100).getString("responseCode")).isEqualTo("25");
        assertThat(transaction(reference).getLong("transaction.refundedAmount")).isZero();
    }

    @Test
    void aReferralWaitsForForcingThenIsCaptured() {
        String reference = authorized("AUTHOR_CAPTURE", 0, 500, "4100000000000002");
        JsonPath referral = transaction(reference);
        assertThat(referral.getString("transaction.status")).isEqualTo("REFERRAL");
        assertThat(referral.getString("transaction.responseCode")).isEqualTo("02");
        JsonPath forced = given().auth().oauth2(ServiceTokens.paymentPage()).contentType(ContentType.JSON)
                .body(Map.of("operationId", "force-" + UUID.randomUUID(), "authorisationId", "PHONE1"))
                .post("/internal/v1/merchants/" + MERCHANT + "/transactions/" + reference + "/force")
                .then().statusCode(200).extract().jsonPath();
        assertThat(forced.getString("responseCode")).isEqualTo("00");
        assertThat(forced.getString("newStatus")).isEqualTo("TO_CAPTURE");
        assertThat(forced.getString("authorisationId")).isEqualTo("PHONE1");
        remit(MERCHANT);
        assertThat(transaction(reference).getString("transaction.status")).isEqualTo("CAPTURED");
    }

    @Test
    void aPaymentNotValidatedInTimeExpiresAtTheNextRemittance() {
        String reference = authorized("VALIDATION", 0, 700, ACCEPTED_CARD);
        remit(MERCHANT);
        assertThat(transaction(reference).getString("transaction.status")).isEqualTo("TO_VALIDATE");
        clock.advance(Duration.ofDays(1));
        JsonPath run = remit(MERCHANT);
        assertThat(run.getInt("expired")).isGreaterThanOrEqualTo(1);
        JsonPath expired = transaction(reference);
        assertThat(expired.getString("transaction.status")).isEqualTo("EXPIRED");
        assertThat(operate(MERCHANT, reference, "validate", 700).getString("responseCode")).isEqualTo("24");
        assertThat(remit(MERCHANT).getInt("expired")).as("a second run finds nothing more").isZero();
    }

    @Test
    void onlyOperatorsMayRunTheRemittanceAndForceNeedsAnAuthorisationNumber() {
        given().auth().oauth2(ServiceTokens.paymentPage()).contentType(ContentType.JSON)
                .body(Map.of("merchantId", MERCHANT)).post("/internal/v1/remittance/runs")
                .then().statusCode(403);
        given().auth().oauth2(ServiceTokens.as("office-server-service", "authorization-service"))
                .contentType(ContentType.JSON).body(Map.of("merchantId", "12"))
                .post("/internal/v1/remittance/runs")
                .then().statusCode(400).body("field", equalTo("merchantId"));
        given().auth().oauth2(ServiceTokens.paymentPage()).contentType(ContentType.JSON)
                .body(Map.of("operationId", "f-" + UUID.randomUUID()))
                .post("/internal/v1/merchants/" + MERCHANT + "/transactions/" + newReference() + "/force")
                .then().statusCode(400).body("field", equalTo("authorisationId"));
    }
}
