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
        assertThat(captured).anySatisfy(line -> assertThat(line).contains(kid).contains("created"));
        assertThat(captured).anySatisfy(line -> assertThat(line).contains("refused"));
        assertThat(captured).anySatisfy(line -> assertThat(line).contains(moved).contains("integrity"));
        assertThat(captured).allSatisfy(line -> assertThat(line).doesNotContain(d).doesNotContain(reader));
    }
}
