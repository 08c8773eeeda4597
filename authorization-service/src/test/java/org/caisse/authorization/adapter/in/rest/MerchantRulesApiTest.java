package org.caisse.authorization.adapter.in.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.caisse.authorization.application.port.out.MerchantRulesStore;
import org.caisse.authorization.domain.risk.CardCountries;
import org.caisse.authorization.domain.risk.MerchantRules;
import org.caisse.authorization.domain.risk.Velocity;
import org.caisse.common.card.CardBrands;
import org.caisse.common.money.Currencies;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** GET/PUT /internal/v1/merchants/{merchantId}/rules against the real PostgreSQL. */
@QuarkusTest
class MerchantRulesApiTest {

    static final String AUDIENCE = "authorization-service";
    static final SecureRandom RANDOM = new SecureRandom();

    static final String FULL = """
            {"amountCeilings": {"978": 500000, "840": 400000},
             "cardVelocity": {"maxAttempts": 3, "window": "PT1H"},
             "blockedBinPrefixes": ["41000099", "530000"],
             "blockedCardCountries": ["RU", "DE"],
             "forceThreeDSecureAbove": {"978": 3000},
             "duplicateFromMerchants": ["002001000000002"]}""";

    @Inject
    Pool pool;

    @Inject
    MerchantRulesStore store;

    @Inject
    CardCountries cardCountries;

    static String newMerchant() {
        return "9" + String.format("%014d", RANDOM.nextLong(100_000_000_000_000L));
    }

    static String path(String merchantId) {
        return "/internal/v1/merchants/" + merchantId + "/rules";
    }

    static String office() {
        return ServiceTokens.as("office-server-service", AUDIENCE);
    }

    Optional<Row> row(String merchantId) {
        RowSet<Row> rows = pool.preparedQuery("SELECT version, updated_by, rules FROM merchant_rules WHERE merchant_id = $1")
                .execute(Tuple.of(merchantId)).await().atMost(Duration.ofSeconds(10));
        return rows.size() == 0 ? Optional.empty() : Optional.of(rows.iterator().next());
    }

    long storedVersion(String merchantId) {
        return row(merchantId).map(r -> r.getLong("version")).orElse(0L);
    }

    io.restassured.response.ValidatableResponse put(String token, String merchantId, String body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).put(path(merchantId)).then();
    }

    @Test
    void aMerchantWithoutRulesReadsVersion0AndTheDefaults() {
        String merchant = newMerchant();
        given().auth().oauth2(ServiceTokens.paymentPage()).get(path(merchant)).then().statusCode(200)
                .body("merchantId", equalTo(merchant))
                .body("version", equalTo(0))
                .body("updatedBy", nullValue())
                .body("rules.cardVelocity", nullValue())
                .body("rules.amountCeilings", equalTo(Map.of()))
                .body("rules.blockedBinPrefixes", empty())
                .body("rules.duplicateFromMerchants", empty());
        assertThat(store.find(merchant).await().atMost(Duration.ofSeconds(10))).isEqualTo(MerchantRules.defaults());
        assertThat(row(merchant)).isEmpty();
    }

    @Test
    void putThenGetRoundTripsAndEveryChangeIncrementsTheVersion() {
        String merchant = newMerchant();
        assertThat(store.find(merchant).await().atMost(Duration.ofSeconds(10))).isEqualTo(MerchantRules.defaults());

        put(office(), merchant, FULL).statusCode(200)
                .header("ETag", equalTo("\"1\""))
                .body("version", equalTo(1))
                .body("updatedBy", equalTo("office-server-service"))
                .body("updatedAt", not(nullValue()))
                .body("rules.amountCeilings.978", equalTo(500000))
                .body("rules.cardVelocity.maxAttempts", equalTo(3))
                .body("rules.cardVelocity.window", equalTo("PT1H"))
                .body("rules.blockedCardCountries", equalTo(List.of("DE", "RU")));

        for (String reader : List.of("payment-page-service", "batch-service", "office-server-service")) {
            given().auth().oauth2(ServiceTokens.as(reader, AUDIENCE)).get(path(merchant)).then().statusCode(200)
                    .header("ETag", equalTo("\"1\""))
                    .body("version", equalTo(1))
                    .body("rules.amountCeilings", equalTo(Map.of("840", 400000, "978", 500000)))
                    .body("rules.cardVelocity", equalTo(Map.of("maxAttempts", 3, "window", "PT1H")))
                    .body("rules.blockedBinPrefixes", equalTo(List.of("41000099", "530000")))
                    .body("rules.blockedCardCountries", equalTo(List.of("DE", "RU")))
                    .body("rules.forceThreeDSecureAbove", equalTo(Map.of("978", 3000)))
                    .body("rules.duplicateFromMerchants", equalTo(List.of("002001000000002")));
        }
        Row stored = row(merchant).orElseThrow();
        assertThat(stored.getLong("version")).isEqualTo(1);
        assertThat(stored.getString("updated_by")).isEqualTo("office-server-service");

        // the authorization path sees the change made through this instance at once, despite its cache
        MerchantRules enforced = store.find(merchant).await().atMost(Duration.ofSeconds(10));
        assertThat(enforced.fraud().cardVelocity()).contains(new Velocity(3, Duration.ofHours(1)));
        assertThat(enforced.fraud().amountCeilings())
                .containsEntry(Currencies.byNumeric("978").orElseThrow(), 500_000L);
        assertThat(enforced.mayDuplicateFrom(merchant, "002001000000002")).isTrue();

        put(office(), merchant, "{\"blockedCardCountries\": [\"US\"]}").statusCode(200)
                .body("version", equalTo(2))
                .body("rules.blockedCardCountries", equalTo(List.of("US")))
                .body("rules.cardVelocity", nullValue())
                .body("rules.duplicateFromMerchants", empty());
        assertThat(storedVersion(merchant)).isEqualTo(2);
        MerchantRules replaced = store.find(merchant).await().atMost(Duration.ofSeconds(10));
        assertThat(replaced.fraud().blockedCardCountries()).isEqualTo(Set.of("US"));
        assertThat(replaced.fraud().cardVelocity()).isEmpty();
    }

    @ParameterizedTest(name = "{0} → 400 field {1}")
    @CsvSource(delimiter = '|', value = {
            "{\"unknown\": true}                                  | unknown",
            "{\"amountCeilings\": {\"978\": -5}}                  | amountCeilings.978",
            "{\"amountCeilings\": {\"978\": 12.5}}                | amountCeilings.978",
            "{\"amountCeilings\": {\"XYZ\": 5}}                   | amountCeilings",
            "{\"cardVelocity\": {\"maxAttempts\": 0, \"window\": \"PT1H\"}} | cardVelocity.maxAttempts",
            "{\"cardVelocity\": {\"maxAttempts\": 3, \"window\": \"soon\"}} | cardVelocity.window",
            "{\"cardVelocity\": {\"maxAttempts\": 3, \"window\": \"PT1H\", \"burst\": 2}} | cardVelocity.burst",
            "{\"blockedBinPrefixes\": [\"41\"]}                   | blockedBinPrefixes[0]",
            "{\"blockedCardCountries\": [\"FR\", \"France\"]}     | blockedCardCountries[1]",
            "{\"forceThreeDSecureAbove\": {\"978\": \"3000\"}}    | forceThreeDSecureAbove.978",
            "{\"duplicateFromMerchants\": [\"0020010000000\"]}    | duplicateFromMerchants[0]",
            "[]                                                   | body",
            "{\"blockedBinPrefixes\": [                           | body",
            "null                                                 | body"})
    void anInvalidDocumentIs400WithTheFieldAndChangesNothing(String body, String field) {
        String merchant = newMerchant();
        put(office(), merchant, "{\"blockedCardCountries\": [\"RU\"]}").statusCode(200);
        put(office(), merchant, body).statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("field", equalTo(field));
        assertThat(storedVersion(merchant)).isEqualTo(1);
        assertThat(store.find(merchant).await().atMost(Duration.ofSeconds(10)).fraud().blockedCardCountries())
                .isEqualTo(Set.of("RU"));
    }

    @Test
    void anErrorNeverEchoesTheSubmittedValue() {
        put(office(), newMerchant(), "{\"blockedBinPrefixes\": [\"4970101122334455\"]}").statusCode(400)
                .body("field", equalTo("blockedBinPrefixes[0]"))
                .body(not(org.hamcrest.Matchers.containsString("4970101122334455")));
    }

    @Test
    void aMalformedMerchantIdIs400() {
        given().auth().oauth2(office()).get(path("12345")).then().statusCode(400).body("field", equalTo("merchantId"));
        put(office(), "12345", "{}").statusCode(400).body("field", equalTo("merchantId"));
    }

    @ParameterizedTest(name = "{0} may read but not change the rules")
    @ValueSource(strings = {"payment-page-service", "batch-service"})
    void anInternalCallerThatIsNotARuleWriterGets403OnPutAndNothingChanges(String caller) {
        String merchant = newMerchant();
        put(office(), merchant, "{\"blockedCardCountries\": [\"RU\"]}").statusCode(200);
        put(ServiceTokens.as(caller, AUDIENCE), merchant, "{\"blockedCardCountries\": [\"US\"]}")
                .statusCode(403).contentType("application/problem+json").body("status", equalTo(403));
        assertThat(storedVersion(merchant)).isEqualTo(1);
        given().auth().oauth2(ServiceTokens.as(caller, AUDIENCE)).get(path(merchant)).then().statusCode(200)
                .body("rules.blockedCardCountries", equalTo(List.of("RU")));
    }

    @ParameterizedTest(name = "{0} may neither read nor change the rules")
    @ValueSource(strings = {"notification-service", "key-management-service", "authorization-service"})
    void aServiceOutsideBothListsGets403(String caller) {
        String merchant = newMerchant();
        String token = ServiceTokens.as(caller, AUDIENCE);
        given().auth().oauth2(token).get(path(merchant)).then().statusCode(403)
                .contentType("application/problem+json");
        put(token, merchant, "{}").statusCode(403);
        assertThat(row(merchant)).isEmpty();
    }

    @Test
    void aTokenClaimingTheRuleWriterButSignedByAnotherServiceGets403() {
        String merchant = newMerchant();
        put(ServiceTokens.signedBy("payment-page-service", "office-server-service", AUDIENCE), merchant, "{}")
                .statusCode(403);
        assertThat(row(merchant)).isEmpty();
    }

    @Test
    void aRefusedCallerWithAMalformedBodyStillGets403() {
        put(ServiceTokens.paymentPage(), newMerchant(), "{\"blockedBinPrefixes\": [").statusCode(403);
    }

    @Test
    void withoutATokenIs401() {
        String merchant = newMerchant();
        given().get(path(merchant)).then().statusCode(401);
        given().contentType(ContentType.JSON).body("{}").put(path(merchant)).then().statusCode(401);
        given().auth().oauth2(ServiceTokens.as("office-server-service", "payment-page-service"))
                .get(path(merchant)).then().statusCode(401);
        assertThat(row(merchant)).isEmpty();
    }

    @Test
    void ifMatchMakesAChangeConditionalOnTheVersionRead() {
        String merchant = newMerchant();
        given().auth().oauth2(office()).header("If-Match", "\"0\"").contentType(ContentType.JSON)
                .body("{\"blockedCardCountries\": [\"RU\"]}").put(path(merchant)).then().statusCode(200)
                .body("version", equalTo(1));
        given().auth().oauth2(office()).header("If-Match", "\"0\"").contentType(ContentType.JSON)
                .body("{\"blockedCardCountries\": [\"US\"]}").put(path(merchant)).then().statusCode(412)
                .contentType("application/problem+json");
        given().auth().oauth2(office()).header("If-Match", "\"1\"").contentType(ContentType.JSON)
                .body("{\"blockedCardCountries\": [\"DE\"]}").put(path(merchant)).then().statusCode(200)
                .body("version", equalTo(2));
        given().auth().oauth2(office()).header("If-Match", "1").contentType(ContentType.JSON)
                .body("{\"blockedCardCountries\": [\"US\"]}").put(path(merchant)).then().statusCode(412);
        given().auth().oauth2(office()).header("If-Match", "latest").contentType(ContentType.JSON)
                .body("{}").put(path(merchant)).then().statusCode(400).body("field", equalTo("If-Match"));
        assertThat(storedVersion(merchant)).isEqualTo(2);
        assertThat(row(merchant).orElseThrow().getJsonObject("rules").getJsonArray("blockedCardCountries").getList())
                .containsExactly("DE");
    }

    @Test
    void everySipsTestPrefixIsFrenchAndTheDemoPrefixesPickAnotherCountry() {
        for (String prefix : CardBrands.TEST_PREFIXES.keySet()) {
            assertThat(cardCountries.countryOf(prefix + "0000000000")).as(prefix).contains("FR");
        }
        assertThat(cardCountries.countryOf("4100000049000000")).contains("DE");
        assertThat(cardCountries.countryOf("5100000044000000")).contains("GB");
        assertThat(cardCountries.countryOf("4100000001000000")).contains("US");
        assertThat(cardCountries.countryOf("4100000100000000")).contains("FR");
        assertThat(cardCountries.countryOf("4970101122334455")).isEmpty();
    }
}
