package org.caisse.keymanagement;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.caisse.keymanagement.application.MerchantKeyService;
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

    private final List<String> captured = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            StringBuilder text = new StringBuilder(String.valueOf(record.getMessage()));
            if (record.getParameters() != null) {
                for (Object parameter : record.getParameters()) {
                    text.append(' ').append(parameter);
                }
            }
            if (record.getThrown() != null) {
                StringWriter trace = new StringWriter();
                record.getThrown().printStackTrace(new PrintWriter(trace));
                text.append(' ').append(trace);
            }
            captured.add(text.toString());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private Level previousLevel;

    @BeforeEach
    void captureAllLogs() {
        Logger root = Logger.getLogger("");
        capture.setLevel(Level.ALL);
        root.addHandler(capture);
        Logger caisse = Logger.getLogger("org.caisse");
        previousLevel = caisse.getLevel();
        caisse.setLevel(Level.ALL);
    }

    @AfterEach
    void stopCapturing() {
        Logger.getLogger("").removeHandler(capture);
        Logger.getLogger("org.caisse").setLevel(previousLevel);
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
        assertThat(captured).anySatisfy(line -> assertThat(line).contains(merchant));
        assertThat(captured).anySatisfy(line -> assertThat(line).contains(moved).contains("integrity"));
        assertThat(captured).allSatisfy(line -> assertThat(line)
                .doesNotContain(secret)
                .doesNotContain("002001000000001_KEY1")
                .doesNotContain(token));
    }
}
