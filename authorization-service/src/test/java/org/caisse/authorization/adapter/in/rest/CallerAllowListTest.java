package org.caisse.authorization.adapter.in.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Only payment-page-service, office-server-service and batch-service may call the internal endpoints. */
@QuarkusTest
class CallerAllowListTest {

    static final String MERCHANT = AuthorizationApiTest.MERCHANT;
    static final String AUDIENCE = "authorization-service";

    @Inject
    Pool pool;

    long rows(String sql, Object... params) {
        return pool.preparedQuery(sql).execute(Tuple.from(params)).await().atMost(Duration.ofSeconds(10))
                .iterator().next().getLong(0);
    }

    long transactionRows(String reference) {
        return rows("SELECT count(*) FROM transaction WHERE merchant_id = $1 AND transaction_reference = $2",
                MERCHANT, reference);
    }

    long operationRows(String reference) {
        return rows("""
                SELECT count(*) FROM operation o JOIN transaction t ON t.id = o.transaction_id
                 WHERE t.merchant_id = $1 AND t.transaction_reference = $2""", MERCHANT, reference);
    }

    void authorizeAs(String token, String reference, int status) {
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(AuthorizationApiTest.authorizationBody(reference, AuthorizationApiTest.ACCEPTED_CARD, 1000))
                .post("/internal/v1/authorizations").then().statusCode(status);
    }

    String acceptedTransaction() {
        String reference = AuthorizationApiTest.newReference();
        authorizeAs(ServiceTokens.paymentPage(), reference, 200);
        return reference;
    }

    @ParameterizedTest(name = "{0} may authorize")
    @ValueSource(strings = {"payment-page-service", "office-server-service", "batch-service"})
    void allowedCallersAreServed(String caller) {
        String reference = AuthorizationApiTest.newReference();
        authorizeAs(ServiceTokens.as(caller, AUDIENCE), reference, 200);
        given().auth().oauth2(ServiceTokens.as(caller, AUDIENCE))
                .get("/internal/v1/merchants/" + MERCHANT + "/transactions/" + reference)
                .then().statusCode(200).body("transaction.transactionReference", equalTo(reference));
        assertThat(transactionRows(reference)).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0} is refused")
    @ValueSource(strings = {"notification-service", "key-management-service", "authorization-service"})
    void aServiceOutsideTheAllowListGets403AndNothingIsDone(String caller) {
        String token = ServiceTokens.as(caller, AUDIENCE);
        String reference = AuthorizationApiTest.newReference();
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(AuthorizationApiTest.authorizationBody(reference, AuthorizationApiTest.ACCEPTED_CARD, 1000))
                .post("/internal/v1/authorizations")
                .then().statusCode(403).contentType("application/problem+json").body("status", equalTo(403));
        assertThat(transactionRows(reference)).isZero();

        String existing = acceptedTransaction();
        given().auth().oauth2(token).get("/internal/v1/merchants/" + MERCHANT + "/transactions/" + existing)
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("operationId", "op-" + UUID.randomUUID(), "amount", 100, "currencyCode", "978"))
                .post("/internal/v1/merchants/" + MERCHANT + "/transactions/" + existing + "/cancel")
                .then().statusCode(403).contentType("application/problem+json");
        assertThat(operationRows(existing)).isEqualTo(1);
    }

    @Test
    void aTokenSignedWithOneServiceKeyClaimingAnAllowedServiceGets403() {
        String forged = ServiceTokens.signedBy("notification-service", "payment-page-service", AUDIENCE);
        String reference = AuthorizationApiTest.newReference();
        authorizeAs(forged, reference, 403);
        assertThat(transactionRows(reference)).isZero();

        String existing = acceptedTransaction();
        given().auth().oauth2(forged).contentType(ContentType.JSON)
                .body(Map.of("operationId", "op-" + UUID.randomUUID(), "amount", 100, "currencyCode", "978"))
                .post("/internal/v1/merchants/" + MERCHANT + "/transactions/" + existing + "/cancel")
                .then().statusCode(403).contentType("application/problem+json");
        assertThat(operationRows(existing)).isEqualTo(1);
    }

    @Test
    void aRefusedCallerWithAMalformedBodyStillGets403NotTheValidationError() {
        given().auth().oauth2(ServiceTokens.as("notification-service", AUDIENCE)).contentType(ContentType.JSON)
                .body("{\"merchantId\": 1").post("/internal/v1/authorizations")
                .then().statusCode(403).contentType("application/problem+json");
    }
}
