package org.caisse.officeserver.adapter.in.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.caisse.officeserver.support.FakeDownstreams.MERCHANT;
import static org.caisse.officeserver.support.FakeDownstreams.MERCHANT_KEY;
import static org.caisse.officeserver.support.FakeDownstreams.OTHER_MERCHANT;
import static org.caisse.officeserver.support.FakeDownstreams.OTHER_MERCHANT_KEY;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.caisse.common.card.Luhn;
import org.caisse.officeserver.support.FakeDownstreamsResource;
import org.caisse.officeserver.support.FakeWalletStore;
import org.caisse.officeserver.support.FakeWalletStoreResource;
import org.caisse.officeserver.support.IndependentSeal;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * The six {@code wallet/*} Office services end to end inside the service: real HTTP, real seal checks, the key service
 * played by {@code FakeDownstreams} and the wallet store by {@link FakeWalletStore}. Every request is sealed by
 * {@link IndependentSeal} (not the service's code) and every answer's seal is checked with it.
 */
@QuarkusTest
@WithTestResource(value = FakeDownstreamsResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = FakeWalletStoreResource.class, scope = TestResourceScope.GLOBAL)
class WalletServicesApiTest {

    private static final String BASE = "/rs-services/v2/wallet/";
    /** A Sips TEST card (VISA, range 410000). */
    private static final String VISA = "4100000000000005";
    /** A Sips TEST card (MASTERCARD, range 510000). */
    private static final String MASTERCARD = "5100000000000000";
    private static final String DATE_TIME = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}[+-]\\d{2}:\\d{2}";

    @ConfigProperty(name = "caisse.wallets.url")
    String walletsUrl;

    private static String wallet() {
        return "W" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    }

    private static Map<String, Object> request(String merchantId, String walletId) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("interfaceVersion", "WR_WS_2.3");
        request.put("keyVersion", 1);
        request.put("merchantId", merchantId);
        if (walletId != null) {
            request.put("merchantWalletId", walletId);
        }
        return request;
    }

    private static Map<String, Object> addCard(String walletId, String cardNumber, String expiry) {
        Map<String, Object> request = request(MERCHANT, walletId);
        request.put("cardNumber", cardNumber);
        request.put("cardExpiryDate", expiry);
        return request;
    }

    private static Map<String, Object> withPaymentMean(Map<String, Object> request, Object paymentMeanId) {
        request.put("paymentMeanId", paymentMeanId);
        return request;
    }

    /** Posts the request sealed by the independent implementation with {@code key}; answers the checked body. */
    private static Map<String, Object> call(String service, Map<String, Object> request, String key) {
        return body(given().contentType(ContentType.JSON).body(IndependentSeal.sealRequest(request, key))
                .when().post(BASE + service), 200, key);
    }

    private static Map<String, Object> call(String service, Map<String, Object> request) {
        return call(service, request, MERCHANT_KEY);
    }

    private static Map<String, Object> body(Response response, int status, String key) {
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(status);
        Map<String, Object> body = response.jsonPath().getMap("$");
        assertThat(body).doesNotContainKey("responseCode");
        if (key != null) {
            assertThat(IndependentSeal.responseSealVerifies(body, key)).as("answer sealed with " + key).isTrue();
        }
        return body;
    }

    private static String futureExpiry() {
        return String.valueOf(java.time.YearMonth.now().plusYears(3)).replace("-", "");
    }

    private static void assertFormatError(String service, Map<String, Object> request, String field) {
        assertThat(call(service, request)).containsOnlyKeys("walletResponseCode", "errorFieldName", "seal")
                .containsEntry("walletResponseCode", "30").containsEntry("errorFieldName", field);
    }

    private static void assertCode(Map<String, Object> body, String code) {
        assertThat(body).containsOnlyKeys("walletResponseCode", "seal").containsEntry("walletResponseCode", code);
    }

    private String addOne(String walletId, String card) {
        Map<String, Object> body = call("addCard", addCard(walletId, card, futureExpiry()));
        assertThat(body).containsEntry("walletResponseCode", "00");
        return (String) body.get("paymentMeanId");
    }

    // addCard

    @Test
    void addCardAnswersThePaymentMeanMaskedAndTheSameCardAgainAnswersTheSameOne() throws Exception {
        String walletId = wallet();
        Map<String, Object> request = addCard(walletId, VISA, futureExpiry());
        request.put("paymentMeanAlias", "my visa");
        Map<String, Object> body = call("addCard", request);

        assertThat(body).containsEntry("walletResponseCode", "00")
                .containsEntry("paymentMeanId", "1")
                .containsEntry("maskedPan", "4100##########05")
                .containsEntry("paymentMeanBrand", "VISA")
                .containsEntry("paymentMeanAlias", "my visa")
                .containsEntry("panExpiryDate", futureExpiry())
                .doesNotContainKeys("errorFieldName", "tokenPan");
        assertThat((String) body.get("walletActionDateTime")).matches(DATE_TIME);
        assertThat(body.values()).noneMatch(value -> String.valueOf(value).contains(VISA));
        assertThat(storeBodies()).anyMatch(sent -> sent.contains(VISA) && sent.contains("\"expiryDate\""));

        assertThat(call("addCard", addCard(walletId, VISA, futureExpiry()))).containsEntry("paymentMeanId", "1");
        assertThat(call("addCard", addCard(walletId, MASTERCARD, futureExpiry())))
                .containsEntry("paymentMeanId", "2").containsEntry("maskedPan", "5100##########00")
                .containsEntry("paymentMeanBrand", "MASTERCARD");
    }

    @Test
    void addCardChecksItsFields() {
        String walletId = wallet();
        Map<String, Object> noCard = request(MERCHANT, walletId);
        noCard.put("cardExpiryDate", futureExpiry());
        assertFormatError("addCard", noCard, "cardNumber");
        assertFormatError("addCard", addCard(walletId, "4100 0000 0000 0005", futureExpiry()), "cardNumber");
        assertFormatError("addCard", addCard(walletId, "41000000005", futureExpiry()), "cardNumber");
        assertFormatError("addCard", addCard(walletId, VISA, "202613"), "cardExpiryDate");
        assertFormatError("addCard", addCard(walletId, VISA, "12/30"), "cardExpiryDate");
        assertFormatError("addCard", addCard(null, VISA, futureExpiry()), "merchantWalletId");
        assertFormatError("addCard", addCard("W".repeat(22), VISA, futureExpiry()), "merchantWalletId");
        assertFormatError("addCard", addCard("..", VISA, futureExpiry()), "merchantWalletId");
        Map<String, Object> longAlias = addCard(walletId, VISA, futureExpiry());
        longAlias.put("paymentMeanAlias", "a".repeat(65));
        assertFormatError("addCard", longAlias, "paymentMeanAlias");
        Map<String, Object> badBrand = addCard(walletId, VISA, futureExpiry());
        badBrand.put("paymentMeanBrand", "VISA-1");
        assertFormatError("addCard", badBrand, "paymentMeanBrand");
        assertCode(call("getWalletData", request(MERCHANT, walletId)), "25");
    }

    @Test
    void addCardRefusesAnInvalidCardWith14AndAnExpiredOneWith54() {
        String walletId = wallet();
        String partial = "497010123456789";
        String wrongCheckDigit = partial + ((Luhn.checkDigit(partial) + 1) % 10);
        assertCode(call("addCard", addCard(walletId, wrongCheckDigit, futureExpiry())), "14");
        assertCode(call("addCard", addCard(walletId, VISA, "202001")), "54");
        assertCode(call("getWalletData", request(MERCHANT, walletId)), "25");
    }

    @Test
    void theWalletStoreDownAnswers503With90Sealed() {
        Response response = given().contentType(ContentType.JSON)
                .body(IndependentSeal.sealRequest(addCard("DOWN" + wallet(), VISA, futureExpiry()), MERCHANT_KEY))
                .when().post(BASE + "addCard");
        assertThat(body(response, 503, MERCHANT_KEY)).containsOnlyKeys("walletResponseCode", "seal")
                .containsEntry("walletResponseCode", "90");
    }

    @Test
    void theCardNumberIsNeverLogged() {
        List<String> messages = Collections.synchronizedList(new ArrayList<>());
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                messages.add(String.valueOf(record.getMessage()) + " " + java.util.Arrays.toString(record.getParameters())
                        + " " + record.getThrown());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger root = Logger.getLogger("");
        root.addHandler(capture);
        try {
            String walletId = wallet();
            addOne(walletId, VISA);
            assertCode(call("addCard", addCard(walletId, "4970101234567899", futureExpiry())), "14");
            assertThat(given().contentType(ContentType.JSON)
                    .body(IndependentSeal.sealRequest(addCard("DOWN" + walletId, MASTERCARD, futureExpiry()),
                            MERCHANT_KEY))
                    .when().post(BASE + "addCard").statusCode()).isEqualTo(503);
        } finally {
            root.removeHandler(capture);
        }
        assertThat(messages).anyMatch(m -> m.contains("addCard"));
        assertThat(messages).noneMatch(m -> m.contains(VISA) || m.contains(MASTERCARD) || m.contains("4970101234567899"));
    }

    // getWalletData

    @Test
    void getWalletDataListsThePaymentMeansByRank() {
        String walletId = wallet();
        addOne(walletId, VISA);
        addOne(walletId, MASTERCARD);
        Map<String, Object> body = call("getWalletData", request(MERCHANT, walletId));
        assertThat(body).containsEntry("walletResponseCode", "00").containsEntry("merchantWalletId", walletId);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> list = (List<Map<String, Object>>) body.get("walletPaymentMeanDataList");
        assertThat(list).extracting(m -> m.get("paymentMeanId")).containsExactly("1", "2");
        assertThat(list).extracting(m -> m.get("maskedPan")).containsExactly("4100##########05", "5100##########00");
        assertThat(list.get(0)).containsEntry("paymentMeanBrand", "VISA").containsEntry("panExpiryDate", futureExpiry());
    }

    @Test
    void getWalletDataOfAnUnknownWalletAnswers25AndChecksTheWalletId() {
        assertCode(call("getWalletData", request(MERCHANT, wallet())), "25");
        assertFormatError("getWalletData", request(MERCHANT, null), "merchantWalletId");
        assertFormatError("getWalletData", request(MERCHANT, "bad\nid"), "merchantWalletId");
    }

    // getPaymentMeanData

    @Test
    void getPaymentMeanDataAnswersOnePaymentMean() {
        String walletId = wallet();
        addOne(walletId, VISA);
        String second = addOne(walletId, MASTERCARD);
        Map<String, Object> body = call("getPaymentMeanData", withPaymentMean(request(MERCHANT, walletId), second));
        assertThat(body).containsEntry("walletResponseCode", "00").containsEntry("paymentMeanId", "2")
                .containsEntry("maskedPan", "5100##########00").containsEntry("paymentMeanBrand", "MASTERCARD");
        // a JSON integer is the same rank
        assertThat(call("getPaymentMeanData", withPaymentMean(request(MERCHANT, walletId), 1)))
                .containsEntry("paymentMeanId", "1").containsEntry("maskedPan", "4100##########05");
    }

    @Test
    void getPaymentMeanDataErrors() {
        String walletId = wallet();
        addOne(walletId, VISA);
        assertCode(call("getPaymentMeanData", withPaymentMean(request(MERCHANT, walletId), "7")), "25");
        assertCode(call("getPaymentMeanData", withPaymentMean(request(MERCHANT, wallet()), "1")), "25");
        assertFormatError("getPaymentMeanData", withPaymentMean(request(MERCHANT, walletId), "abc"), "paymentMeanId");
        assertFormatError("getPaymentMeanData", withPaymentMean(request(MERCHANT, walletId), "0"), "paymentMeanId");
        assertFormatError("getPaymentMeanData", request(MERCHANT, walletId), "paymentMeanId");
        assertFormatError("getPaymentMeanData", withPaymentMean(request(MERCHANT, null), "1"), "merchantWalletId");
    }

    // deletePaymentMean

    @Test
    void deletePaymentMeanRemovesItOnceAndItsRankIsNotGivenAgain() {
        String walletId = wallet();
        String first = addOne(walletId, VISA);
        addOne(walletId, MASTERCARD);
        Map<String, Object> body = call("deletePaymentMean", withPaymentMean(request(MERCHANT, walletId), first));
        assertThat(body).containsEntry("walletResponseCode", "00").containsEntry("paymentMeanId", "1");
        assertThat((String) body.get("walletActionDateTime")).matches(DATE_TIME);

        assertCode(call("getPaymentMeanData", withPaymentMean(request(MERCHANT, walletId), first)), "25");
        assertCode(call("deletePaymentMean", withPaymentMean(request(MERCHANT, walletId), first)), "25");
        assertThat(addOne(walletId, VISA)).isEqualTo("3");
    }

    @Test
    void deletePaymentMeanChecksItsFields() {
        assertFormatError("deletePaymentMean", withPaymentMean(request(MERCHANT, wallet()), "1x"), "paymentMeanId");
        assertFormatError("deletePaymentMean", withPaymentMean(request(MERCHANT, null), "1"), "merchantWalletId");
        assertCode(call("deletePaymentMean", withPaymentMean(request(MERCHANT, wallet()), "1")), "25");
    }

    // signOff

    @Test
    void signOffDeletesTheWholeWalletOnce() {
        String walletId = wallet();
        addOne(walletId, VISA);
        addOne(walletId, MASTERCARD);
        Map<String, Object> body = call("signOff", request(MERCHANT, walletId));
        assertThat(body).containsOnlyKeys("walletResponseCode", "walletActionDateTime", "seal")
                .containsEntry("walletResponseCode", "00");
        assertCode(call("getWalletData", request(MERCHANT, walletId)), "25");
        assertCode(call("signOff", request(MERCHANT, walletId)), "25");
        assertFormatError("signOff", request(MERCHANT, null), "merchantWalletId");
    }

    // updatePaymentMean

    @Test
    void updatePaymentMeanRenamesIt() {
        String walletId = wallet();
        String id = addOne(walletId, VISA);
        Map<String, Object> update = withPaymentMean(request(MERCHANT, walletId), id);
        update.put("paymentMeanAlias", "travel card");
        Map<String, Object> body = call("updatePaymentMean", update);
        assertThat(body).containsEntry("walletResponseCode", "00").containsEntry("paymentMeanAlias", "travel card")
                .containsEntry("paymentMeanId", "1").containsEntry("maskedPan", "4100##########05");
        assertThat((String) body.get("walletActionDateTime")).matches(DATE_TIME);
        assertThat(call("getPaymentMeanData", withPaymentMean(request(MERCHANT, walletId), id)))
                .containsEntry("paymentMeanAlias", "travel card");
    }

    @Test
    void updatePaymentMeanErrors() {
        String walletId = wallet();
        String id = addOne(walletId, VISA);
        assertFormatError("updatePaymentMean", withPaymentMean(request(MERCHANT, walletId), id), "paymentMeanAlias");
        Map<String, Object> tooLong = withPaymentMean(request(MERCHANT, walletId), id);
        tooLong.put("paymentMeanAlias", "x".repeat(65));
        assertFormatError("updatePaymentMean", tooLong, "paymentMeanAlias");
        Map<String, Object> unknown = withPaymentMean(request(MERCHANT, walletId), "9");
        unknown.put("paymentMeanAlias", "x");
        assertCode(call("updatePaymentMean", unknown), "25");
        Map<String, Object> badId = withPaymentMean(request(MERCHANT, walletId), "-1");
        badId.put("paymentMeanAlias", "x");
        assertFormatError("updatePaymentMean", badId, "paymentMeanId");
    }

    // merchant isolation

    @Test
    void anotherMerchantNeitherSeesNorChangesTheWallet() {
        String walletId = wallet();
        String id = addOne(walletId, VISA);

        assertCode(call("getWalletData", request(OTHER_MERCHANT, walletId), OTHER_MERCHANT_KEY), "25");
        assertCode(call("getPaymentMeanData", withPaymentMean(request(OTHER_MERCHANT, walletId), id),
                OTHER_MERCHANT_KEY), "25");
        Map<String, Object> rename = withPaymentMean(request(OTHER_MERCHANT, walletId), id);
        rename.put("paymentMeanAlias", "stolen");
        assertCode(call("updatePaymentMean", rename, OTHER_MERCHANT_KEY), "25");
        assertCode(call("deletePaymentMean", withPaymentMean(request(OTHER_MERCHANT, walletId), id),
                OTHER_MERCHANT_KEY), "25");
        assertCode(call("signOff", request(OTHER_MERCHANT, walletId), OTHER_MERCHANT_KEY), "25");
        // naming the first merchant with the other merchant's key does not pass the seal
        Response impostor = given().contentType(ContentType.JSON)
                .body(IndependentSeal.sealRequest(request(MERCHANT, walletId), OTHER_MERCHANT_KEY))
                .when().post(BASE + "signOff");
        assertThat(body(impostor, 200, MERCHANT_KEY)).containsEntry("walletResponseCode", "34");

        assertThat(call("getPaymentMeanData", withPaymentMean(request(MERCHANT, walletId), id)))
                .containsEntry("walletResponseCode", "00").doesNotContainKey("paymentMeanAlias");
    }

    // the pipeline's refusals carry walletResponseCode

    @Test
    void pipelineRefusalsAnswerWithWalletResponseCode() {
        Map<String, Object> badSeal = IndependentSeal.sealRequest(request(MERCHANT, wallet()), MERCHANT_KEY);
        badSeal.put("seal", "00" + ((String) badSeal.get("seal")).substring(2));
        assertCode(body(given().contentType(ContentType.JSON).body(badSeal).when().post(BASE + "getWalletData"),
                200, MERCHANT_KEY), "34");

        Map<String, Object> wrongInterface = request(MERCHANT, wallet());
        wrongInterface.put("interfaceVersion", "CR_WS_2.3");
        assertFormatError("getWalletData", wrongInterface, "interfaceVersion");

        Map<String, Object> deactivatedKey = request(MERCHANT, wallet());
        deactivatedKey.put("keyVersion", 2);
        Map<String, Object> unsealed = body(given().contentType(ContentType.JSON)
                .body(IndependentSeal.sealRequest(deactivatedKey, MERCHANT_KEY)).when().post(BASE + "signOff"),
                200, null);
        assertThat(unsealed).containsOnlyKeys("walletResponseCode").containsEntry("walletResponseCode", "34");

        Map<String, Object> notJson = body(given().contentType(ContentType.JSON).body("[1]")
                .when().post(BASE + "addCard"), 400, null);
        assertThat(notJson).containsOnlyKeys("walletResponseCode").containsEntry("walletResponseCode", "30");
    }

    private List<String> storeBodies() throws IOException, InterruptedException {
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(walletsUrl + "/_test/bodies")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        @SuppressWarnings("unchecked")
        List<String> bodies = (List<String>) new ObjectMapper().readValue(response.body(), Map.class).get("bodies");
        return bodies;
    }
}
