package org.caisse.authorization.adapter.in.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.caisse.authorization.adapter.in.rest.AuthorizationApiTest.authorizationBody;
import static org.caisse.authorization.adapter.in.rest.AuthorizationApiTest.newReference;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.caisse.authorization.TestClock;
import org.caisse.authorization.support.CseBlobs;
import org.caisse.authorization.support.FakeKeyManagement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The authorization path end to end: 3-D Secure, fraud rules, tokens, duplicates, credits, timeouts, deferral. */
@QuarkusTest
class EngineFlowsApiTest {

    @Inject
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    static String newMerchant() {
        return "0029" + String.format("%011d", ThreadLocalRandom.current().nextLong(100_000_000_000L));
    }

    static Map<String, Object> body(String merchant, String card, long amount, boolean threeDs) {
        Map<String, Object> body = authorizationBody(newReference(), card, amount);
        body.put("merchantId", merchant);
        if (threeDs) {
            body.put("threeDSecure", Map.of("challengeCapable", true));
        }
        return body;
    }

    static JsonPath post(String path, Object body) {
        return given().auth().oauth2(ServiceTokens.paymentPage()).contentType(ContentType.JSON).body(body)
                .post(path).then().statusCode(200).extract().jsonPath();
    }

    static JsonPath get(String merchant, String reference) {
        return given().auth().oauth2(ServiceTokens.paymentPage())
                .get("/internal/v1/merchants/" + merchant + "/transactions/" + reference)
                .then().statusCode(200).extract().jsonPath();
    }

    static void putRules(String merchant, Map<String, Object> rules) {
        given().auth().oauth2(ServiceTokens.as("office-server-service", "authorization-service"))
                .contentType(ContentType.JSON).body(rules)
                .put("/internal/v1/merchants/" + merchant + "/rules").then().statusCode(200);
    }

    static JsonPath complete(String merchant, String authenticationId, String outcome) {
        return given().auth().oauth2(ServiceTokens.paymentPage()).contentType(ContentType.JSON)
                .body(Map.of("merchantId", merchant, "outcome", outcome, "cscValue", "123"))
                .post("/internal/v1/authentications/" + authenticationId)
                .then().statusCode(200).extract().jsonPath();
    }

    @Test
    void aChallengedCardholderWhoAuthenticatesIsAuthorizedWithLiabilityShift() {
        String merchant = newMerchant();
        JsonPath pending = post("/internal/v1/authorizations", body(merchant, "4100000000000000", 1500, true));
        assertThat(pending.getString("responseCode")).isEqualTo("60");
        assertThat(pending.getString("threeDSecure.status")).isEqualTo("CHALLENGE_REQUIRED");
        String id = pending.getString("threeDSecure.authenticationId");
        JsonPath done = complete(merchant, id, "SUCCESS");
        assertThat(done.getString("responseCode")).isEqualTo("00");
        assertThat(done.getString("holderAuthentStatus")).isEqualTo("SUCCESS");
        assertThat(done.getString("guaranteeIndicator")).isEqualTo("Y");
        given().auth().oauth2(ServiceTokens.paymentPage()).contentType(ContentType.JSON)
                .body(Map.of("merchantId", merchant, "outcome", "SUCCESS"))
                .post("/internal/v1/authentications/" + id).then().statusCode(404);
    }

    @Test
    void aFailedOrCancelledAuthenticationIsRefusedWithoutTheAcquirer() {
        String merchant = newMerchant();
        JsonPath failed = complete(merchant, post("/internal/v1/authorizations",
                body(merchant, "4100000000000000", 1500, true)).getString("threeDSecure.authenticationId"), "FAILURE");
        assertThat(failed.getString("responseCode")).isEqualTo("05");
        assertThat(failed.getString("status")).isEqualTo("REFUSED");
        assertThat(failed.getString("holderAuthentStatus")).isEqualTo("FAILURE");
        assertThat(failed.getString("acquirerResponseCode")).as("the acquirer was not asked").isNull();
        JsonPath cancelled = complete(merchant, post("/internal/v1/authorizations",
                body(merchant, "4100000000000000", 1500, true)).getString("threeDSecure.authenticationId"), "CANCELLED");
        assertThat(cancelled.getString("responseCode")).isEqualTo("17");
    }

    @Test
    void frictionlessAndNotEnrolledCardsAreAuthorizedAtOnce() {
        String merchant = newMerchant();
        JsonPath frictionless = post("/internal/v1/authorizations", body(merchant, "4100000200000000", 900, true));
        assertThat(frictionless.getString("responseCode")).isEqualTo("00");
        assertThat(frictionless.getString("guaranteeIndicator")).isEqualTo("Y");
        JsonPath notEnrolled = post("/internal/v1/authorizations", body(merchant, "4100000100000000", 900, true));
        assertThat(notEnrolled.getString("responseCode")).isEqualTo("00");
        assertThat(notEnrolled.getString("holderAuthentStatus")).isEqualTo("NOT_ENROLLED");
        assertThat(notEnrolled.getString("guaranteeIndicator")).isEqualTo("N");
    }

    @Test
    void fraudRulesRefuseBeforeTheAcquirerAndNameTheRule() {
        String merchant = newMerchant();
        Map<String, Object> rules = new LinkedHashMap<>();
        rules.put("amountCeilings", Map.of("978", 5000));
        rules.put("cardVelocity", Map.of("maxAttempts", 2, "window", "PT10M"));
        rules.put("blockedBinPrefixes", List.of("420000"));
        rules.put("forceThreeDSecureAbove", Map.of("978", 3000));
        putRules(merchant, rules);

        Map<String, Object> tooHigh = body(merchant, "5100000000000000", 6000, true);
        assertThat(post("/internal/v1/authorizations", tooHigh).getString("responseCode")).isEqualTo("51");
        JsonPath stored = get(merchant, (String) tooHigh.get("transactionReference"));
        assertThat(stored.getString("transaction.fraudRule")).isEqualTo("AMOUNT_CEILING");
        assertThat(stored.getString("transaction.acquirerResponseCode")).isNull();

        assertThat(post("/internal/v1/authorizations", body(merchant, "4200000000000000", 100, false))
                .getString("responseCode")).isEqualTo("63");
        assertThat(post("/internal/v1/authorizations", body(merchant, "5100000100000000", 4000, false))
                .getString("responseCode")).as("3-D Secure forced but the caller cannot challenge").isEqualTo("63");

        String card = "5100000200000000";
        assertThat(post("/internal/v1/authorizations", body(merchant, card, 100, false)).getString("responseCode"))
                .isEqualTo("00");
        assertThat(post("/internal/v1/authorizations", body(merchant, card, 100, false)).getString("responseCode"))
                .isEqualTo("00");
        assertThat(post("/internal/v1/authorizations", body(merchant, card, 100, false)).getString("responseCode"))
                .as("third attempt of the card within the window").isEqualTo("75");
    }

    @Test
    void tokensDuplicatesAndCreditsUseTheVaultedCard() {
        String merchant = newMerchant();
        Map<String, Object> first = body(merchant, "5100000100000000", 1000, false);
        JsonPath original = post("/internal/v1/authorizations", first);
        String token = original.getString("tokenPan");
        assertThat(token).isNotBlank().doesNotContain("5100000100000000");

        Map<String, Object> byToken = body(merchant, "5100000100000000", 700, false);
        byToken.put("card", Map.of("tokenPan", token));
        JsonPath tokenPayment = post("/internal/v1/authorizations", byToken);
        assertThat(tokenPayment.getString("responseCode")).isEqualTo("00");
        assertThat(tokenPayment.getString("maskedPan")).isEqualTo(original.getString("maskedPan"));

        Map<String, Object> duplicate = body(merchant, "5100000100000000", 300, false);
        duplicate.remove("card");
        duplicate.put("fromTransactionReference", first.get("transactionReference"));
        JsonPath duplicated = post("/internal/v1/duplicates", duplicate);
        assertThat(duplicated.getString("responseCode")).isEqualTo("00");
        assertThat(duplicated.getString("duplicatedFrom")).isEqualTo(merchant + ":" + first.get("transactionReference"));
        assertThat(get(merchant, (String) duplicate.get("transactionReference")).getList("operations.name"))
                .containsExactly("DUPLICATE");

        String otherShop = newMerchant();
        Map<String, Object> crossShop = body(otherShop, "5100000100000000", 300, false);
        crossShop.remove("card");
        crossShop.put("fromMerchantId", merchant);
        crossShop.put("fromTransactionReference", first.get("transactionReference"));
        assertThat(post("/internal/v1/duplicates", crossShop).getString("responseCode")).isEqualTo("40");
        putRules(otherShop, Map.of("duplicateFromMerchants", List.of(merchant)));
        crossShop.put("transactionReference", newReference());
        assertThat(post("/internal/v1/duplicates", crossShop).getString("responseCode")).isEqualTo("00");

        Map<String, Object> unknown = body(merchant, "5100000100000000", 300, false);
        unknown.remove("card");
        unknown.put("fromTransactionReference", "NOSUCHREF");
        assertThat(post("/internal/v1/duplicates", unknown).getString("responseCode")).isEqualTo("25");

        Map<String, Object> credit = body(merchant, "5100000100000000", 450, false);
        JsonPath credited = post("/internal/v1/credits", credit);
        assertThat(credited.getString("status")).isEqualTo("TO_CREDIT");
        CashOperationsApiTest.remit(merchant);
        assertThat(get(merchant, (String) credit.get("transactionReference")).getString("transaction.status"))
                .isEqualTo("CREDITED");
    }

    @Test
    void anAcquirerThatDoesNotAnswerInTimeIsIssuerUnreachable() {
        String merchant = newMerchant();
        JsonPath answer = post("/internal/v1/authorizations", body(merchant, "4100000300000000", 100, false));
        assertThat(answer.getString("responseCode")).isEqualTo("90");
        assertThat(answer.getString("status")).isEqualTo("REFUSED");
    }

    @Test
    void aCaptureBeyondTheAuthorizationValidityIsAuthorizedAgainByTheRemittance() {
        String merchant = newMerchant();
        Map<String, Object> deferred = body(merchant, "5100000100000000", 800, false);
        deferred.put("captureDay", 10);
        assertThat(post("/internal/v1/authorizations", deferred).getString("status")).isEqualTo("TO_AUTHORIZE");
        String reference = (String) deferred.get("transactionReference");
        assertThat(CashOperationsApiTest.remit(merchant).getInt("authorized")).isZero();
        clock.advance(Duration.ofDays(4));
        assertThat(CashOperationsApiTest.remit(merchant).getInt("authorized")).isEqualTo(1);
        JsonPath t = get(merchant, reference);
        assertThat(t.getString("transaction.status")).isEqualTo("TO_CAPTURE");
        assertThat(t.getList("operations.name")).containsExactly("AUTHORIZATION", "DEFERRED_AUTHORIZATION");
    }

    @Test
    void cardDataEncryptedInTheBrowserIsDecryptedWithTheMerchantsKey() {
        String merchant = newMerchant();
        var key = CseBlobs.newKeyPair(merchant);
        FakeKeyManagement.shared().register(merchant, key);
        Map<String, Object> encrypted = body(merchant, "5100000000000000", 1200, false);
        encrypted.put("card", Map.of("encryptedCardData",
                CseBlobs.encrypt(key.toPublicJWK(), "5100000000000000", "203012", "123")));
        JsonPath answer = post("/internal/v1/authorizations", encrypted);
        assertThat(answer.getString("responseCode")).isEqualTo("00");
        assertThat(answer.getString("maskedPan")).isEqualTo("5100##########00");

        var otherKey = CseBlobs.newKeyPair(merchant);
        Map<String, Object> unknownKey = body(merchant, "5100000000000000", 1200, false);
        unknownKey.put("card", Map.of("encryptedCardData",
                CseBlobs.encrypt(otherKey.toPublicJWK(), "5100000000000000", "203012", "123")));
        assertThat(post("/internal/v1/authorizations", unknownKey).getString("responseCode")).isEqualTo("34");
        Map<String, Object> garbage = body(merchant, "5100000000000000", 1200, false);
        garbage.put("card", Map.of("encryptedCardData", "not.a.jwe"));
        assertThat(post("/internal/v1/authorizations", garbage).getString("responseCode")).isEqualTo("30");
    }
}
