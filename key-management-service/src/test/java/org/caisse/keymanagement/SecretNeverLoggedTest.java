package org.caisse.keymanagement;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.caisse.keymanagement.application.MerchantKeyService;
import org.caisse.keymanagement.support.CapturedLogs;
import org.caisse.keymanagement.support.ServiceTokens;
import org.caisse.keymanagement.support.TestKeys;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Runs every path that touches a secret (import, successful fetch, refused fetch, integrity failure) with
 * all log levels captured, and checks that no log record carries the secret.
 */
@QuarkusTest
class SecretNeverLoggedTest {

    @Inject
    MerchantKeyService service;

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
    void noLogRecordEverCarriesASecretKey() {
        String merchant = TestKeys.freshMerchantId();
        String secret = TestKeys.freshSecret();
        TestKeys.importActive(service, merchant, 1, secret);
        String token = ServiceTokens.fromPaymentPage();

        given().auth().oauth2(token).when().get("/internal/v1/merchants/{m}/keys/1", merchant)
                .then().statusCode(200);
        given().auth().oauth2(token).when().get("/internal/v1/merchants/002001000000001/keys/1")
                .then().statusCode(200);
        String moved = TestKeys.freshMerchantId();
        pool.preparedQuery("UPDATE merchant_secret_key SET merchant_id = $1 WHERE merchant_id = $2")
                .execute(Tuple.of(moved, merchant)).await().indefinitely();
        given().auth().oauth2(token).when().get("/internal/v1/merchants/{m}/keys/1", moved)
                .then().statusCode(500);

        // The capture works: the import and the integrity failure were logged, naming the merchants only.
        assertThat(logs.lines()).anySatisfy(line -> assertThat(line).contains(merchant));
        assertThat(logs.lines()).anySatisfy(line -> assertThat(line).contains(moved).contains("integrity"));
        assertThat(logs.lines()).allSatisfy(line -> assertThat(line)
                .doesNotContain(secret)
                .doesNotContain("002001000000001_KEY1")
                .doesNotContain(token));
    }
}
