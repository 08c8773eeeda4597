package org.caisse.keymanagement;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.caisse.keymanagement.support.CapturedLogs;
import org.caisse.keymanagement.support.CseKeys;
import org.caisse.keymanagement.support.ServiceTokens;
import org.caisse.keymanagement.support.TestKeys;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Runs every path that touches a CSE private key (generation, fetch, refused fetch, integrity failure) with all log
 * levels captured, and checks that no log record carries the private scalar.
 */
@QuarkusTest
class CsePrivateKeyNeverLoggedTest {

    @Inject
    Pool pool;

    private final CapturedLogs logs = new CapturedLogs();

    @BeforeEach
    void captureAllLogs() {
        logs.start();
    }

    @AfterEach
    void stopCapturing() {
        logs.stop();
    }

    @Test
    void noLogRecordEverCarriesAPrivateKey() {
        String merchant = TestKeys.freshMerchantId();
        String kid = CseKeys.generate(merchant).getString("kid");
        String reader = ServiceTokens.from(CseKeys.READER);
        String d = given().auth().oauth2(reader).when().get("/internal/v1/merchants/{m}/cse-keys/{kid}", merchant, kid)
                .then().statusCode(200).extract().jsonPath().getString("privateJwk.d");
        given().auth().oauth2(ServiceTokens.fromPaymentPage())
                .when().get("/internal/v1/merchants/{m}/cse-keys/{kid}", merchant, kid)
                .then().statusCode(403);
        String moved = TestKeys.freshMerchantId();
        pool.preparedQuery("UPDATE merchant_cse_key SET merchant_id = $1 WHERE kid = $2")
                .execute(Tuple.of(moved, kid)).await().indefinitely();
        given().auth().oauth2(reader).when().get("/internal/v1/merchants/{m}/cse-keys/{kid}", moved, kid)
                .then().statusCode(500);

        assertThat(d).isNotBlank();
        // The capture works: generation, the refusal and the integrity failure were logged, naming the key only.
        assertThat(logs.lines()).anySatisfy(line -> assertThat(line).contains(kid).contains("created"));
        assertThat(logs.lines()).anySatisfy(line -> assertThat(line).contains("refused"));
        assertThat(logs.lines()).anySatisfy(line -> assertThat(line).contains(moved).contains("integrity"));
        assertThat(logs.lines()).allSatisfy(line -> assertThat(line).doesNotContain(d).doesNotContain(reader));
    }
}
