package org.caisse.authorization.adapter.in.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.caisse.authorization.application.AddCardToWalletCommand;
import org.caisse.authorization.application.WalletService;
import org.caisse.authorization.application.port.out.RevealedCard;
import org.caisse.authorization.domain.WalletPaymentMean;
import org.caisse.common.card.Luhn;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class WalletApiTest {

    static final String MERCHANT = "002001000000001";
    static final String OTHER_MERCHANT = "002001000000002";
    static final String FUTURE_EXPIRY = YearMonth.now().plusYears(3).toString().replace("-", "");
    static final Duration WAIT = Duration.ofSeconds(10);
    static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    WalletService wallets;

    @Inject
    Pool pool;

    final List<String> logLines = Collections.synchronizedList(new ArrayList<>());
    final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            String message = record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage();
            logLines.add(record.getLoggerName() + " " + message
                    + (record.getThrown() == null ? "" : " " + record.getThrown()));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void captureLogs() {
        Logger.getLogger("").addHandler(capture);
    }

    @AfterEach
    void stopCapturingLogs() {
        Logger.getLogger("").removeHandler(capture);
    }

    static String newWallet() {
        return "W" + UUID.randomUUID().toString().replace("-", "").substring(0, 18);
    }

    /** A Luhn-valid Visa-range number nobody else uses in this run. */
    static String newPan() {
        StringBuilder partial = new StringBuilder("49");
        for (int i = 0; i < 13; i++) {
            partial.append(RANDOM.nextInt(10));
        }
        return partial.toString() + Luhn.checkDigit(partial.toString());
    }

    static String walletPath(String merchantId, String wallet) {
        return "/internal/v1/merchants/" + merchantId + "/wallets/" + wallet;
    }

    static Map<String, Object> cardBody(String number, String expiry, String alias, String brand) {
        Map<String, Object> card = new LinkedHashMap<>();
        card.put("number", number);
        card.put("expiryDate", expiry);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("card", card);
        if (alias != null) {
            body.put("paymentMeanAlias", alias);
        }
        if (brand != null) {
            body.put("paymentMeanBrand", brand);
        }
        return body;
    }

    static Response addCard(String merchantId, String wallet, Object body) {
        return given().auth().oauth2(ServiceTokens.paymentPage()).contentType(ContentType.JSON).body(body)
                .post(walletPath(merchantId, wallet) + "/payment-means");
    }

    static Response get(String path) {
        return given().auth().oauth2(ServiceTokens.paymentPage()).get(path);
    }

    static Response delete(String path) {
        return given().auth().oauth2(ServiceTokens.paymentPage()).delete(path);
    }

    void assertNoLogShows(String... pans) {
        synchronized (logLines) {
            for (String pan : pans) {
                assertThat(logLines).noneMatch(line -> line.contains(pan));
            }
        }
    }

    @Test
    void aCardAddedToAWalletIsListedMaskedWithItsToken() {
        String wallet = newWallet();
        String pan = newPan();

        Response added = addCard(MERCHANT, wallet, cardBody(pan, FUTURE_EXPIRY, "My card", null));
        added.then().statusCode(200)
                .body("merchantWalletId", equalTo(wallet))
                .body("paymentMeanId", equalTo("1"))
                .body("paymentMeanAlias", equalTo("My card"))
                .body("maskedPan", equalTo(pan.substring(0, 4) + "##########" + pan.substring(14)))
                .body("panExpiryDate", equalTo(FUTURE_EXPIRY))
                .body("paymentMeanBrand", equalTo("VISA"))
                .body("tokenPan", matchesPattern("tk[a-z2-7]{24}"));
        assertThat(added.asString()).doesNotContain(pan);

        String second = newPan();
        addCard(MERCHANT, wallet, cardBody(second, FUTURE_EXPIRY, null, null)).then().statusCode(200)
                .body("paymentMeanId", equalTo("2")).body("paymentMeanAlias", nullValue());

        Response listed = get(walletPath(MERCHANT, wallet));
        listed.then().statusCode(200)
                .body("merchantWalletId", equalTo(wallet))
                .body("paymentMeans", hasSize(2))
                .body("paymentMeans[0].paymentMeanId", equalTo("1"))
                .body("paymentMeans[0].tokenPan", equalTo(added.path("tokenPan")))
                .body("paymentMeans[1].paymentMeanId", equalTo("2"));
        assertThat(listed.asString()).doesNotContain(pan).doesNotContain(second);

        get(walletPath(MERCHANT, wallet) + "/payment-means/2").then().statusCode(200)
                .body("paymentMeanId", equalTo("2"))
                .body("maskedPan", equalTo(second.substring(0, 4) + "##########" + second.substring(14)));
        assertThat(logLines).as("the capture works").anyMatch(line -> line.contains(wallet)
                && line.contains(pan.substring(0, 4) + "##########" + pan.substring(14)));
        assertNoLogShows(pan, second);
    }

    @Test
    void addingTheSameCardTwiceReturnsTheExistingPaymentMean() {
        String wallet = newWallet();
        String pan = newPan();
        addCard(MERCHANT, wallet, cardBody(pan, FUTURE_EXPIRY, "first", null)).then().statusCode(200)
                .body("paymentMeanId", equalTo("1"));

        String laterExpiry = YearMonth.now().plusYears(5).toString().replace("-", "");
        addCard(MERCHANT, wallet, cardBody(pan, laterExpiry, "second", null)).then().statusCode(200)
                .body("paymentMeanId", equalTo("1"))
                .body("paymentMeanAlias", equalTo("first"))
                .body("panExpiryDate", equalTo(laterExpiry));

        get(walletPath(MERCHANT, wallet)).then().statusCode(200).body("paymentMeans", hasSize(1));
    }

    @Test
    void sipsTestCardsSkipLuhnAndTheRequestedBrandOfACoBadgedCardWins() {
        String wallet = newWallet();
        addCard(MERCHANT, wallet, cardBody("4300000000000003", FUTURE_EXPIRY, null, "visa")).then()
                .statusCode(200).body("paymentMeanBrand", equalTo("VISA"))
                .body("maskedPan", equalTo("4300##########03"));
        addCard(MERCHANT, wallet, cardBody("4200000000000002", FUTURE_EXPIRY, null, null)).then()
                .statusCode(200).body("paymentMeanBrand", equalTo("CB")).body("paymentMeanId", equalTo("2"));
    }

    @Test
    void aBadCardNumberIsA400NamingTheFieldWithoutEchoingIt() {
        String wallet = newWallet();
        String luhnInvalid = "4970101234567898";
        Response refused = addCard(MERCHANT, wallet, cardBody(luhnInvalid, FUTURE_EXPIRY, null, null));
        refused.then().statusCode(400).contentType("application/problem+json")
                .body("field", equalTo("card.number")).body("status", equalTo(400));
        assertThat(refused.asString()).doesNotContain(luhnInvalid).doesNotContain("49701012");

        addCard(MERCHANT, wallet, cardBody("4970 1012 3456 7899", FUTURE_EXPIRY, null, null)).then()
                .statusCode(400).body("field", equalTo("card.number"));
        addCard(MERCHANT, wallet, cardBody(newPan(), "203013", null, null)).then()
                .statusCode(400).body("field", equalTo("card.expiryDate"));
        String expired = YearMonth.now().minusMonths(1).toString().replace("-", "");
        addCard(MERCHANT, wallet, cardBody(newPan(), expired, null, null)).then()
                .statusCode(400).body("field", equalTo("card.expiryDate"));
        addCard(MERCHANT, wallet, cardBody(newPan(), FUTURE_EXPIRY, "x".repeat(65), null)).then()
                .statusCode(400).body("field", equalTo("paymentMeanAlias"));
        addCard(MERCHANT, wallet, cardBody(newPan(), FUTURE_EXPIRY, null, "VI SA")).then()
                .statusCode(400).body("field", equalTo("paymentMeanBrand"));
        addCard(MERCHANT, wallet, Map.of("paymentMeanAlias", "no card")).then()
                .statusCode(400).body("field", equalTo("card"));
        addCard("12345", wallet, cardBody(newPan(), FUTURE_EXPIRY, null, null)).then()
                .statusCode(400).body("field", equalTo("merchantId"));
        addCard(MERCHANT, "w".repeat(22), cardBody(newPan(), FUTURE_EXPIRY, null, null)).then()
                .statusCode(400).body("field", equalTo("merchantWalletId"));
        get(walletPath(MERCHANT, wallet) + "/payment-means/abc").then()
                .statusCode(400).body("field", equalTo("paymentMeanId"));

        assertThat(rows("SELECT count(*) FROM wallet_payment_mean WHERE merchant_wallet_id = $1", wallet)).isZero();
        assertNoLogShows(luhnInvalid);
    }

    @Test
    void anotherMerchantsWalletIsUnknown() {
        String wallet = newWallet();
        String pan = newPan();
        String token = addCard(MERCHANT, wallet, cardBody(pan, FUTURE_EXPIRY, null, null)).then().statusCode(200)
                .extract().path("tokenPan");

        get(walletPath(OTHER_MERCHANT, wallet)).then().statusCode(404).contentType("application/problem+json");
        get(walletPath(OTHER_MERCHANT, wallet) + "/payment-means/1").then().statusCode(404);
        delete(walletPath(OTHER_MERCHANT, wallet) + "/payment-means/1").then().statusCode(404);
        delete(walletPath(OTHER_MERCHANT, wallet)).then().statusCode(404);
        get(walletPath(MERCHANT, wallet)).then().statusCode(200).body("paymentMeans", hasSize(1));

        // the same card in the other merchant's wallet of the same name gets that merchant's own token
        addCard(OTHER_MERCHANT, wallet, cardBody(pan, FUTURE_EXPIRY, null, null)).then().statusCode(200)
                .body("paymentMeanId", equalTo("1")).body("tokenPan", not(equalTo(token)));
        assertThat(wallets.revealWalletCard(OTHER_MERCHANT, "unknown", "1").await().atMost(WAIT)).isEmpty();
    }

    @Test
    void aDeletedPaymentMeanIsGoneButItsRankIsNeverReused() {
        String wallet = newWallet();
        String pan = newPan();
        addCard(MERCHANT, wallet, cardBody(pan, FUTURE_EXPIRY, null, null)).then().statusCode(200);
        addCard(MERCHANT, wallet, cardBody(newPan(), FUTURE_EXPIRY, null, null)).then().statusCode(200);

        delete(walletPath(MERCHANT, wallet) + "/payment-means/1").then().statusCode(204);
        get(walletPath(MERCHANT, wallet) + "/payment-means/1").then().statusCode(404);
        delete(walletPath(MERCHANT, wallet) + "/payment-means/1").then().statusCode(404);
        get(walletPath(MERCHANT, wallet)).then().statusCode(200).body("paymentMeans", hasSize(1))
                .body("paymentMeans[0].paymentMeanId", equalTo("2"));
        assertThat(wallets.revealWalletCard(MERCHANT, wallet, "1").await().atMost(WAIT)).isEmpty();

        addCard(MERCHANT, wallet, cardBody(pan, FUTURE_EXPIRY, null, null)).then().statusCode(200)
                .body("paymentMeanId", equalTo("3"));
        assertThat(rows("SELECT count(*) FROM wallet_payment_mean WHERE merchant_wallet_id = $1", wallet))
                .isEqualTo(3);
    }

    @Test
    void signOffDeletesEveryPaymentMean() {
        String wallet = newWallet();
        addCard(MERCHANT, wallet, cardBody(newPan(), FUTURE_EXPIRY, null, null)).then().statusCode(200);
        addCard(MERCHANT, wallet, cardBody(newPan(), FUTURE_EXPIRY, null, null)).then().statusCode(200);

        delete(walletPath(MERCHANT, wallet)).then().statusCode(204);
        get(walletPath(MERCHANT, wallet)).then().statusCode(404);
        get(walletPath(MERCHANT, wallet) + "/payment-means/2").then().statusCode(404);
        delete(walletPath(MERCHANT, wallet)).then().statusCode(404);
        get(walletPath(MERCHANT, newWallet())).then().statusCode(404);
        assertThat(rows("SELECT count(*) FROM wallet_payment_mean WHERE merchant_wallet_id = $1"
                + " AND deleted_at IS NOT NULL", wallet)).isEqualTo(2);
    }

    @Test
    void theEngineRevealsAWalletCardWithItsBrand() {
        String wallet = newWallet();
        addCard(MERCHANT, wallet, cardBody("4300000000000003", FUTURE_EXPIRY, null, "VISA")).then().statusCode(200);

        RevealedCard card = wallets.revealWalletCard(MERCHANT, wallet, "1").await().atMost(WAIT).orElseThrow();
        assertThat(card.pan()).isEqualTo("4300000000000003");
        assertThat(card.paymentMeanBrand()).isEqualTo("VISA");
        assertThat(card.expiry()).isEqualTo(YearMonth.parse(FUTURE_EXPIRY.substring(0, 4) + "-"
                + FUTURE_EXPIRY.substring(4)));
        assertThat(card.toString()).doesNotContain("4300000000000003");
        assertThat(wallets.revealWalletCard(OTHER_MERCHANT, wallet, "1").await().atMost(WAIT)).isEmpty();
        assertThat(wallets.revealWalletCard(MERCHANT, wallet, "2").await().atMost(WAIT)).isEmpty();
        assertThat(wallets.revealWalletCard(MERCHANT, wallet, "x1").await().atMost(WAIT)).isEmpty();
    }

    @Test
    void onlyAllowedServicesReachWallets() {
        String wallet = newWallet();
        given().contentType(ContentType.JSON).body(cardBody(newPan(), FUTURE_EXPIRY, null, null))
                .post(walletPath(MERCHANT, wallet) + "/payment-means").then().statusCode(401);
        given().auth().oauth2(ServiceTokens.as("notification-service", "authorization-service"))
                .contentType(ContentType.JSON).body(cardBody(newPan(), FUTURE_EXPIRY, null, null))
                .post(walletPath(MERCHANT, wallet) + "/payment-means").then().statusCode(403);
        given().auth().oauth2(ServiceTokens.as("office-server-service", "authorization-service"))
                .contentType(ContentType.JSON).body(cardBody(newPan(), FUTURE_EXPIRY, null, null))
                .post(walletPath(MERCHANT, wallet) + "/payment-means").then().statusCode(200);
        assertThat(rows("SELECT count(*) FROM wallet_payment_mean WHERE merchant_wallet_id = $1", wallet))
                .isEqualTo(1);
    }

    @Test
    void concurrentAddsGetOneRankPerCard() {
        String wallet = newWallet();
        String shared = newPan();
        List<Uni<WalletPaymentMean>> adds = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String pan = i % 2 == 0 ? shared : newPan();
            adds.add(wallets.addCard(new AddCardToWalletCommand(MERCHANT, wallet, pan, YearMonth.now().plusYears(2),
                    null, null)));
        }
        List<WalletPaymentMean> added = Uni.join().all(adds).andFailFast().await().atMost(WAIT);

        Set<Integer> sharedRanks = new HashSet<>();
        for (int i = 0; i < added.size(); i += 2) {
            sharedRanks.add(added.get(i).paymentMeanId());
        }
        assertThat(sharedRanks).hasSize(1);
        assertThat(added.stream().map(WalletPaymentMean::paymentMeanId).distinct().sorted().toList())
                .containsExactly(1, 2, 3, 4);
        assertThat(rows("SELECT count(*) FROM wallet_payment_mean WHERE merchant_wallet_id = $1", wallet))
                .isEqualTo(4);
    }

    long rows(String sql, Object... params) {
        return pool.preparedQuery(sql).execute(Tuple.from(params)).await().atMost(WAIT).iterator().next().getLong(0);
    }
}
