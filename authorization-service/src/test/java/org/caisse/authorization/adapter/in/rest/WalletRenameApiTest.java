package org.caisse.authorization.adapter.in.rest;

import static io.restassured.RestAssured.given;
import static org.caisse.authorization.adapter.in.rest.WalletApiTest.FUTURE_EXPIRY;
import static org.caisse.authorization.adapter.in.rest.WalletApiTest.MERCHANT;
import static org.caisse.authorization.adapter.in.rest.WalletApiTest.OTHER_MERCHANT;
import static org.caisse.authorization.adapter.in.rest.WalletApiTest.addCard;
import static org.caisse.authorization.adapter.in.rest.WalletApiTest.cardBody;
import static org.caisse.authorization.adapter.in.rest.WalletApiTest.delete;
import static org.caisse.authorization.adapter.in.rest.WalletApiTest.get;
import static org.caisse.authorization.adapter.in.rest.WalletApiTest.newPan;
import static org.caisse.authorization.adapter.in.rest.WalletApiTest.newWallet;
import static org.caisse.authorization.adapter.in.rest.WalletApiTest.walletPath;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code PATCH .../wallets/{w}/payment-means/{id}}: the alias of a payment mean (Sips updatePaymentMean). */
@QuarkusTest
class WalletRenameApiTest {

    static Response rename(String merchantId, String wallet, String paymentMeanId, Object body) {
        return given().auth().oauth2(ServiceTokens.paymentPage()).contentType(ContentType.JSON).body(body)
                .patch(walletPath(merchantId, wallet) + "/payment-means/" + paymentMeanId);
    }

    @Test
    void aPaymentMeanIsRenamedAndTheAliasCanBeCleared() {
        String wallet = newWallet();
        addCard(MERCHANT, wallet, cardBody(newPan(), FUTURE_EXPIRY, "old", null)).then().statusCode(200);
        addCard(MERCHANT, wallet, cardBody(newPan(), FUTURE_EXPIRY, "second", null)).then().statusCode(200);

        rename(MERCHANT, wallet, "1", Map.of("paymentMeanAlias", "travel card")).then().statusCode(200)
                .body("paymentMeanId", equalTo("1")).body("paymentMeanAlias", equalTo("travel card"))
                .body("panExpiryDate", equalTo(FUTURE_EXPIRY));
        get(walletPath(MERCHANT, wallet)).then().statusCode(200)
                .body("paymentMeans[0].paymentMeanAlias", equalTo("travel card"))
                .body("paymentMeans[1].paymentMeanAlias", equalTo("second"));

        Map<String, Object> clear = new HashMap<>();
        clear.put("paymentMeanAlias", null);
        rename(MERCHANT, wallet, "1", clear).then().statusCode(200).body("paymentMeanAlias", nullValue());
        get(walletPath(MERCHANT, wallet) + "/payment-means/1").then().statusCode(200)
                .body("paymentMeanAlias", nullValue());
    }

    @Test
    void unknownDeletedOrAnotherMerchantsPaymentMeanIs404() {
        String wallet = newWallet();
        addCard(MERCHANT, wallet, cardBody(newPan(), FUTURE_EXPIRY, "mine", null)).then().statusCode(200);

        rename(OTHER_MERCHANT, wallet, "1", Map.of("paymentMeanAlias", "stolen")).then().statusCode(404)
                .contentType("application/problem+json");
        rename(MERCHANT, wallet, "2", Map.of("paymentMeanAlias", "x")).then().statusCode(404);
        get(walletPath(MERCHANT, wallet) + "/payment-means/1").then().body("paymentMeanAlias", equalTo("mine"));

        delete(walletPath(MERCHANT, wallet) + "/payment-means/1").then().statusCode(204);
        rename(MERCHANT, wallet, "1", Map.of("paymentMeanAlias", "x")).then().statusCode(404);
    }

    @Test
    void aBadAliasOrIdIs400NamingTheFieldAndACallerWithoutTokenIs401() {
        String wallet = newWallet();
        addCard(MERCHANT, wallet, cardBody(newPan(), FUTURE_EXPIRY, "kept", null)).then().statusCode(200);

        rename(MERCHANT, wallet, "1", Map.of("paymentMeanAlias", "x".repeat(65))).then().statusCode(400)
                .body("field", equalTo("paymentMeanAlias"));
        rename(MERCHANT, wallet, "1", Map.of("paymentMeanAlias", "")).then().statusCode(400)
                .body("field", equalTo("paymentMeanAlias"));
        rename(MERCHANT, wallet, "1", Map.of("paymentMeanAlias", "a\u0007b")).then().statusCode(400)
                .body("field", equalTo("paymentMeanAlias"));
        rename(MERCHANT, wallet, "x1", Map.of("paymentMeanAlias", "y")).then().statusCode(400)
                .body("field", equalTo("paymentMeanId"));
        given().contentType(ContentType.JSON).body(Map.of("paymentMeanAlias", "y"))
                .patch(walletPath(MERCHANT, wallet) + "/payment-means/1").then().statusCode(401);
        get(walletPath(MERCHANT, wallet) + "/payment-means/1").then().body("paymentMeanAlias", equalTo("kept"));
    }
}
