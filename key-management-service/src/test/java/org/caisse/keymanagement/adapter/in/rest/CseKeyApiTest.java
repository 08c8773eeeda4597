package org.caisse.keymanagement.adapter.in.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import com.nimbusds.jose.jwk.ECKey;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.caisse.keymanagement.domain.KeyStatus;
import org.caisse.keymanagement.support.CseKeys;
import org.caisse.keymanagement.support.ServiceTokens;
import org.caisse.keymanagement.support.TestKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@QuarkusTest
class CseKeyApiTest {

    private static final String JWKS = "/cse/v1/merchants/{m}/jwks.json";
    private static final String PRIVATE = "/internal/v1/merchants/{m}/cse-keys/{kid}";
    private static final String GENERATE = "/internal/v1/merchants/{m}/cse-keys";

    @Inject
    Pool pool;

    private static ValidatableResponse fetchPrivate(String merchantId, String kid) {
        return given().auth().oauth2(ServiceTokens.from(CseKeys.READER))
                .when().get(PRIVATE, merchantId, kid).then();
    }

    private static JsonPath jwks(String merchantId) {
        return given().when().get(JWKS, merchantId).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void generatedKeyIsPublishedAndItsPrivateHalfDecryptsWhatThePublishedKeyEncrypted() {
        String merchant = TestKeys.freshMerchantId();
        JsonPath created = CseKeys.generate(merchant);
        String kid = created.getString("kid");
        assertThat(kid).startsWith(merchant + "-cse-");
        assertThat(created.getString("merchantId")).isEqualTo(merchant);
        assertThat(created.getString("status")).isEqualTo("ACTIVE");
        assertThat(created.getString("createdAt")).isNotBlank();
        assertThat(created.getMap("publicJwk")).containsEntry("kty", "EC").containsEntry("crv", "P-256")
                .containsEntry("kid", kid).containsEntry("use", "enc").containsEntry("alg", "ECDH-ES+A256KW")
                .doesNotContainKey("d");

        // The shop's side: the key from the public JWKS.
        List<Map<String, Object>> keys = jwks(merchant).getList("keys");
        assertThat(keys).hasSize(1);
        assertThat(keys.get(0)).containsEntry("kid", kid).doesNotContainKey("d");
        String blob = CseKeys.encryptFor(CseKeys.ecKey(keys.get(0)), "{\"number\":\"4100000000000000\"}");

        // authorization-service's side: the private key from the internal API.
        JsonPath fetched = fetchPrivate(merchant, kid).statusCode(200)
                .contentType("application/json")
                .header("Cache-Control", "no-store")
                .body("merchantId", equalTo(merchant))
                .body("kid", equalTo(kid))
                .body("status", equalTo("ACTIVE"))
                .body("notAfter", nullValue())
                .body("createdAt", notNullValue())
                .extract().jsonPath();
        ECKey privateKey = CseKeys.ecKey(fetched.getMap("privateJwk"));
        assertThat(privateKey.isPrivate()).isTrue();
        assertThat(privateKey.getKeyID()).isEqualTo(kid);
        assertThat(CseKeys.decryptWith(privateKey, blob)).isEqualTo("{\"number\":\"4100000000000000\"}");
    }

    @Test
    void jwksIsPublicCacheableReadableFromAnyOriginAndCarriesNoPrivateMaterial() {
        String merchant = TestKeys.freshMerchantId();
        CseKeys.generate(merchant);
        CseKeys.generate(merchant);
        String body = given().when().get(JWKS, merchant)
                .then().statusCode(200)
                .contentType("application/json")
                .header("Cache-Control", "public, max-age=300")
                .header("Access-Control-Allow-Origin", "*")
                .body("keys.size()", equalTo(2))
                .body("keys.kty", hasItem("EC"))
                .extract().asString();
        assertThat(body).doesNotContain("\"d\"");
        List<Map<String, Object>> keys = JsonPath.from(body).getList("keys");
        keys.forEach(key -> assertThat(key).containsOnlyKeys("kty", "crv", "x", "y", "kid", "use", "alg"));
    }

    @Test
    void jwksListsTheNewestKeyFirst() {
        String merchant = TestKeys.freshMerchantId();
        String first = CseKeys.generate(merchant).getString("kid");
        String second = CseKeys.generate(merchant).getString("kid");
        assertThat(jwks(merchant).getList("keys.kid")).containsExactly(second, first);
    }

    @Test
    void aMerchantWithoutKeysGetsAnEmptySet() {
        given().when().get(JWKS, TestKeys.freshMerchantId())
                .then().statusCode(200).body("keys", empty());
    }

    @Test
    void demoMerchantHasItsCseKeyFromStartUp() {
        String kid = "002001000000001-cse-demo";
        assertThat(jwks("002001000000001").getList("keys.kid")).contains(kid);
        fetchPrivate("002001000000001", kid).statusCode(200).body("privateJwk.d", notNullValue());
    }

    @Test
    void anotherMerchantsKidIsUnknown() {
        String owner = TestKeys.freshMerchantId();
        String kid = CseKeys.generate(owner).getString("kid");
        fetchPrivate(TestKeys.freshMerchantId(), kid)
                .statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404))
                .body("privateJwk", nullValue());
    }

    @Test
    void unknownKidIs404() {
        String merchant = TestKeys.freshMerchantId();
        CseKeys.generate(merchant);
        fetchPrivate(merchant, merchant + "-cse-0000000000000000").statusCode(404)
                .body("title", equalTo("Unknown CSE key"));
    }

    @Test
    void deactivatedKeyIsGoneFromTheJwksAndIs410WithoutPrivateMaterial() {
        String merchant = TestKeys.freshMerchantId();
        String kid = CseKeys.generate(merchant).getString("kid");
        CseKeys.setLifecycle(pool, merchant, kid, KeyStatus.DEACTIVATED, null);

        assertThat(jwks(merchant).getList("keys")).isEmpty();
        String body = fetchPrivate(merchant, kid).statusCode(410)
                .contentType("application/problem+json")
                .body("status", equalTo("DEACTIVATED"))
                .body("keyStatus", equalTo("DEACTIVATED"))
                .body("httpStatus", equalTo(410))
                .body("kid", equalTo(kid))
                .extract().asString();
        assertThat(body).doesNotContain("\"d\"").doesNotContain("privateJwk");
    }

    @Test
    void deprecatedKeyStillDecryptsUntilItsNotAfterButIsNoLongerOffered() {
        String merchant = TestKeys.freshMerchantId();
        String valid = CseKeys.generate(merchant).getString("kid");
        String expired = CseKeys.generate(merchant).getString("kid");
        String current = CseKeys.generate(merchant).getString("kid");
        Instant future = Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        Instant past = Instant.now().minus(1, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
        CseKeys.setLifecycle(pool, merchant, valid, KeyStatus.DEPRECATED, future);
        CseKeys.setLifecycle(pool, merchant, expired, KeyStatus.DEPRECATED, past);

        assertThat(jwks(merchant).getList("keys.kid")).containsExactly(current);
        fetchPrivate(merchant, valid).statusCode(200)
                .body("status", equalTo("DEPRECATED"))
                .body("notAfter", equalTo(future.toString()))
                .body("privateJwk.d", notNullValue());
        fetchPrivate(merchant, expired).statusCode(410)
                .body("status", equalTo("DEPRECATED"))
                .body("notAfter", equalTo(past.toString()))
                .body("privateJwk", nullValue());
    }

    @ParameterizedTest
    @ValueSource(strings = {"payment-page-service", "office-server-service", "notification-service", "batch-service",
            "key-management-service"})
    void onlyAuthorizationServiceMayFetchAPrivateKey(String caller) {
        String merchant = TestKeys.freshMerchantId();
        String kid = CseKeys.generate(merchant).getString("kid");
        String body = given().auth().oauth2(ServiceTokens.from(caller))
                .when().get(PRIVATE, merchant, kid)
                .then().statusCode(403)
                .contentType("application/problem+json")
                .extract().asString();
        assertThat(body).doesNotContain("\"d\"").doesNotContain("privateJwk");
    }

    @Test
    void aTokenSignedByAnotherServiceClaimingToBeAuthorizationServiceIs403() {
        given().auth().oauth2(ServiceTokens.claimingToBe("authorization-service", "payment-page-service"))
                .when().get(PRIVATE, "002001000000001", "002001000000001-cse-demo")
                .then().statusCode(403);
    }

    @Test
    void privateKeyFetchWithoutTokenIs401() {
        given().when().get(PRIVATE, "002001000000001", "002001000000001-cse-demo")
                .then().statusCode(401)
                .body(not(containsString("\"d\"")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"authorization-service", "payment-page-service"})
    void aServiceNotAllowedToGenerateIs403AndNothingIsCreated(String caller) {
        String merchant = TestKeys.freshMerchantId();
        given().auth().oauth2(ServiceTokens.from(caller))
                .when().post(GENERATE, merchant)
                .then().statusCode(403).contentType("application/problem+json");
        assertThat(jwks(merchant).getList("keys")).isEmpty();
    }

    @Test
    void generationWithoutTokenIs401() {
        given().when().post(GENERATE, TestKeys.freshMerchantId()).then().statusCode(401);
    }

    @ParameterizedTest
    @ValueSource(strings = {"12345", "00200100000000A"})
    void malformedMerchantIdIs400Everywhere(String merchantId) {
        given().when().get(JWKS, merchantId).then().statusCode(400)
                .contentType("application/problem+json").body("field", equalTo("merchantId"));
        fetchPrivate(merchantId, "002001000000001-cse-demo").statusCode(400).body("field", equalTo("merchantId"));
        given().auth().oauth2(ServiceTokens.from(CseKeys.GENERATOR)).when().post(GENERATE, merchantId)
                .then().statusCode(400).body("field", equalTo("merchantId"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a b", "kid$", "x1234567890123456789012345678901234567890123456789012345678901234"})
    void malformedKidIs400(String kid) {
        fetchPrivate("002001000000001", kid).statusCode(400)
                .contentType("application/problem+json")
                .body("field", equalTo("kid"));
    }

    @Test
    void openApiDocumentDescribesTheCseEndpoints() {
        given().when().get("/q/openapi?format=json")
                .then().statusCode(200)
                .body(containsString("/internal/v1/merchants/{merchantId}/cse-keys"))
                .body(containsString("/internal/v1/merchants/{merchantId}/cse-keys/{kid}"))
                .body(containsString("/cse/v1/merchants/{merchantId}/jwks.json"));
    }
}
