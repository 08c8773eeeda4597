package org.caisse.keymanagement.adapter.in.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.caisse.keymanagement.application.MerchantKeyService;
import org.caisse.keymanagement.domain.KeyStatus;
import org.caisse.keymanagement.domain.MerchantKeyId;
import org.caisse.keymanagement.support.ServiceTokens;
import org.caisse.keymanagement.support.TestKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@QuarkusTest
class InternalMerchantKeyResourceTest {

    private static final String PATH = "/internal/v1/merchants/{merchantId}/keys/{keyVersion}";

    @Inject
    MerchantKeyService service;

    @Inject
    Pool pool;

    private static ValidatableResponse fetch(String merchantId, String keyVersion) {
        return given().auth().oauth2(ServiceTokens.fromPaymentPage())
                .when().get(PATH, merchantId, keyVersion)
                .then();
    }

    @Test
    void demoMerchantKeyIsSeededAtStartAndServedToAServiceCaller() {
        fetch("002001000000001", "1")
                .statusCode(200)
                .contentType("application/json")
                .body("merchantId", equalTo("002001000000001"))
                .body("keyVersion", equalTo(1))
                .body("status", equalTo("ACTIVE"))
                .body("environment", equalTo("TEST"))
                .body("secretKey", equalTo("002001000000001_KEY1"))
                .body("notAfter", nullValue());
    }

    @Test
    void importedKeyIsServedWithItsOwnSecret() {
        String merchant = TestKeys.freshMerchantId();
        String secret = TestKeys.freshSecret();
        TestKeys.importActive(service, merchant, 1, secret);
        TestKeys.importActive(service, merchant, 2, secret + "-v2");

        fetch(merchant, "1").statusCode(200).body("secretKey", equalTo(secret)).body("keyVersion", equalTo(1));
        fetch(merchant, "2").statusCode(200).body("secretKey", equalTo(secret + "-v2")).body("keyVersion", equalTo(2));
    }

    @Test
    void unknownMerchantIs404ProblemJson() {
        fetch(TestKeys.freshMerchantId(), "1")
                .statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404))
                .body("title", equalTo("Unknown key"))
                .body("secretKey", nullValue());
    }

    @Test
    void unknownVersionOfAKnownMerchantIs404() {
        String merchant = TestKeys.freshMerchantId();
        TestKeys.importActive(service, merchant, 1, TestKeys.freshSecret());
        fetch(merchant, "2").statusCode(404).contentType("application/problem+json");
    }

    @Test
    void deactivatedKeyIs410WithItsStatusAndNoSecret() {
        String merchant = TestKeys.freshMerchantId();
        String secret = TestKeys.freshSecret();
        MerchantKeyId id = TestKeys.importActive(service, merchant, 1, secret);
        TestKeys.setLifecycle(pool, id, KeyStatus.DEACTIVATED, null);

        fetch(merchant, "1")
                .statusCode(410)
                .contentType("application/problem+json")
                .body("status", equalTo("DEACTIVATED"))
                .body("keyStatus", equalTo("DEACTIVATED"))
                .body("httpStatus", equalTo(410))
                .body("secretKey", nullValue())
                .body(not(containsString(secret)));
    }

    @Test
    void destroyedKeyIs410() {
        String merchant = TestKeys.freshMerchantId();
        MerchantKeyId id = TestKeys.importActive(service, merchant, 1, TestKeys.freshSecret());
        TestKeys.setLifecycle(pool, id, KeyStatus.DESTROYED, null);
        fetch(merchant, "1").statusCode(410).body("status", equalTo("DESTROYED"));
    }

    @Test
    void deprecatedKeyIsServedBeforeItsNotAfterAndGoneAfterIt() {
        String merchant = TestKeys.freshMerchantId();
        String secret = TestKeys.freshSecret();
        MerchantKeyId stillValid = TestKeys.importActive(service, merchant, 1, secret);
        MerchantKeyId expired = TestKeys.importActive(service, merchant, 2, secret);
        Instant future = Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        Instant past = Instant.now().minus(1, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
        TestKeys.setLifecycle(pool, stillValid, KeyStatus.DEPRECATED, future);
        TestKeys.setLifecycle(pool, expired, KeyStatus.DEPRECATED, past);

        fetch(merchant, "1").statusCode(200)
                .body("status", equalTo("DEPRECATED"))
                .body("secretKey", equalTo(secret))
                .body("notAfter", equalTo(future.toString()));
        fetch(merchant, "2").statusCode(410)
                .body("status", equalTo("DEPRECATED"))
                .body("notAfter", equalTo(past.toString()))
                .body("secretKey", nullValue());
    }

    @ParameterizedTest
    @ValueSource(strings = {"12345", "00200100000000A", "0020010000000011"})
    void malformedMerchantIdIs400ProblemJson(String merchantId) {
        fetch(merchantId, "1")
                .statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("field", equalTo("merchantId"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "0", "-1", "1.5", "99999999999"})
    void keyVersionThatIsNotAnIntegerOfAtLeastOneIs400ProblemJson(String keyVersion) {
        fetch("002001000000001", keyVersion)
                .statusCode(400)
                .contentType("application/problem+json")
                .body("field", equalTo("keyVersion"))
                .body("secretKey", nullValue());
    }

    @Test
    void requestWithoutTokenIs401AndRevealsNothing() {
        given().when().get(PATH, "002001000000001", "1")
                .then().statusCode(401)
                .body(not(containsString("002001000000001_KEY1")));
    }

    @Test
    void tokenSignedWithAKeyOutsideTheJwksIs401() {
        given().auth().oauth2(ServiceTokens.signedWithAnUnknownKey())
                .when().get(PATH, "002001000000001", "1")
                .then().statusCode(401)
                .body(not(containsString("002001000000001_KEY1")));
    }

    @Test
    void tokenForAnotherAudienceIs401() {
        given().auth().oauth2(ServiceTokens.withAudience("authorization-service"))
                .when().get(PATH, "002001000000001", "1")
                .then().statusCode(401);
    }

    @Test
    void expiredTokenIs401() {
        given().auth().oauth2(ServiceTokens.expired())
                .when().get(PATH, "002001000000001", "1")
                .then().statusCode(401);
    }

    @Test
    void tokenFromAnotherIssuerIs401() {
        given().auth().oauth2(ServiceTokens.withIssuer("someone-else"))
                .when().get(PATH, "002001000000001", "1")
                .then().statusCode(401);
    }

    @Test
    void garbageBearerTokenIs401() {
        given().auth().oauth2("not-a-jwt")
                .when().get(PATH, "002001000000001", "1")
                .then().statusCode(401);
    }

    @Test
    void validTokenWithoutTheServiceRoleIs403AndRevealsNothing() {
        given().auth().oauth2(ServiceTokens.withoutServiceRole())
                .when().get(PATH, "002001000000001", "1")
                .then().statusCode(403)
                .body(not(containsString("002001000000001_KEY1")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"payment-page-service", "office-server-service", "notification-service", "batch-service"})
    void everyAllowedCallerGetsTheKey(String caller) {
        given().auth().oauth2(ServiceTokens.from(caller))
                .when().get(PATH, "002001000000001", "1")
                .then().statusCode(200)
                .body("secretKey", equalTo("002001000000001_KEY1"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"authorization-service", "key-management-service"})
    void aServiceNotAllowedToFetchKeysIs403ProblemAndRevealsNothing(String caller) {
        given().auth().oauth2(ServiceTokens.from(caller))
                .when().get(PATH, "002001000000001", "1")
                .then().statusCode(403)
                .contentType("application/problem+json")
                .body("status", equalTo(403))
                .body(not(containsString("002001000000001_KEY1")));
    }

    @Test
    void aTokenSignedByAnotherServiceClaimingAnAllowedCallerIs403() {
        given().auth().oauth2(ServiceTokens.claimingToBe("payment-page-service", "authorization-service"))
                .when().get(PATH, "002001000000001", "1")
                .then().statusCode(403)
                .contentType("application/problem+json")
                .body(not(containsString("002001000000001_KEY1")));
    }

    @Test
    void unknownInternalPathIsProblemJsonNotAStackTrace() {
        given().auth().oauth2(ServiceTokens.fromPaymentPage())
                .when().get("/internal/v1/merchants/002001000000001/keys/1/extra")
                .then().statusCode(404)
                .body(not(containsString("Exception")));
    }

    @Test
    void openApiDocumentDescribesTheKeyFetch() {
        given().when().get("/q/openapi?format=json")
                .then().statusCode(200)
                .body(containsString("/internal/v1/merchants/{merchantId}/keys/{keyVersion}"));
    }

    @Test
    void prometheusMetricsAreExposed() {
        given().when().get("/q/metrics")
                .then().statusCode(200)
                .body(containsString("jvm_"));
    }

    @Test
    void problemTypeIsACaisseUrn() {
        fetch(TestKeys.freshMerchantId(), "1").statusCode(404).body("type", startsWith("urn:caisse:problem:"));
    }
}
