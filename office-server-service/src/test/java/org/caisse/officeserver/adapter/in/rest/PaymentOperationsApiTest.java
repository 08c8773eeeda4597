package org.caisse.officeserver.adapter.in.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.caisse.officeserver.support.FakeDownstreams.MERCHANT;
import static org.caisse.officeserver.support.FakeDownstreams.MERCHANT_KEY;
import static org.caisse.officeserver.support.FakeDownstreams.OTHER_MERCHANT;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.caisse.officeserver.support.FakeDownstreamsResource;
import org.caisse.officeserver.support.IndependentSeal;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * The Office payment services (checkout/cardOrder, checkout/walletOrder, cashManagement/validate, refund, duplicate,
 * creditHolder) end to end inside the service: real HTTP, real seal checks, authorization-service played by
 * {@code FakePayments}. Every request is sealed by {@link IndependentSeal} (javax.crypto HMAC-SHA-256 over the values
 * sorted by field name), every answer's seal is checked with it.
 */
@QuarkusTest
@WithTestResource(value = FakeDownstreamsResource.class, scope = TestResourceScope.GLOBAL)
class PaymentOperationsApiTest {

    static final String CARD_ORDER = "/rs-services/v2/checkout/cardOrder";
    static final String WALLET_ORDER = "/rs-services/v2/checkout/walletOrder";
    static final String VALIDATE = "/rs-services/v2/cashManagement/validate";
    static final String REFUND = "/rs-services/v2/cashManagement/refund";
    static final String DUPLICATE = "/rs-services/v2/cashManagement/duplicate";
    static final String CREDIT_HOLDER = "/rs-services/v2/cashManagement/creditHolder";
    static final String PAN = "5100000000000000";
    static final String CSC = "7391";
    static final String JWE = "eyJhbGciOiJFQ0RILUVTK0EyNTZLVyJ9.ZW5jcnlwdGVka2V5.aXY.Y2lwaGVydGV4dA.dGFn";

    @ConfigProperty(name = "caisse.authorization.url")
    String authorizationUrl;

    static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    }

    static Map<String, Object> cardOrder(String reference, String pan) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("amount", 1500);
        request.put("cardCSCValue", CSC);
        request.put("cardExpiryDate", "202812");
        request.put("cardNumber", pan);
        request.put("currencyCode", "978");
        request.put("interfaceVersion", "IR_WS_2.47");
        request.put("keyVersion", 1);
        request.put("merchantId", MERCHANT);
        request.put("orderChannel", "MOTO");
        request.put("transactionReference", reference);
        return request;
    }

    static Map<String, Object> walletOrder(String reference, String walletId, Object paymentMeanId) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("amount", "2500");
        request.put("cardCSCValue", "123");
        request.put("currencyCode", 978);
        request.put("interfaceVersion", "IR_WS_2.47");
        request.put("keyVersion", 1);
        request.put("merchantId", MERCHANT);
        request.put("merchantWalletId", walletId);
        request.put("paymentMeanId", paymentMeanId);
        request.put("transactionReference", reference);
        return request;
    }

    static Map<String, Object> cashOperation(String reference, Object amount, Object currency) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("currencyCode", currency);
        request.put("interfaceVersion", "CR_WS_2.3");
        request.put("keyVersion", 1);
        request.put("merchantId", MERCHANT);
        request.put("operationAmount", amount);
        request.put("transactionReference", reference);
        return request;
    }

    static Map<String, Object> duplicate(String from, String reference) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("amount", 700);
        request.put("currencyCode", "978");
        request.put("fromTransactionReference", from);
        request.put("interfaceVersion", "CR_WS_2.3");
        request.put("keyVersion", 1);
        request.put("merchantId", MERCHANT);
        request.put("transactionReference", reference);
        return request;
    }

    static Map<String, Object> creditHolder(String reference) {
        Map<String, Object> request = cardOrder(reference, PAN);
        request.put("interfaceVersion", "CR_WS_2.3");
        request.remove("orderChannel");
        return request;
    }

    static Map<String, Object> with(Map<String, Object> request, Consumer<Map<String, Object>> change) {
        Map<String, Object> copy = new LinkedHashMap<>(request);
        change.accept(copy);
        return copy;
    }

    static Response post(String path, Map<String, Object> unsealed) {
        return given().contentType(ContentType.JSON).body(IndependentSeal.sealRequest(unsealed, MERCHANT_KEY))
                .when().post(path);
    }

    /** A 200 answer whose seal the independent implementation verifies. */
    static Map<String, Object> sealedOk(Response response) {
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
        Map<String, Object> body = response.jsonPath().getMap("$");
        assertThat(IndependentSeal.responseSealVerifies(body, MERCHANT_KEY)).as("response seal").isTrue();
        return body;
    }

    Map<String, Object> downstream(String reference) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(authorizationUrl + "/_test/payments/" + reference)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        @SuppressWarnings("unchecked")
        Map<String, Object> shape = new ObjectMapper().readValue(response.body(), Map.class);
        return shape;
    }

    int callsFor(String reference) throws IOException, InterruptedException {
        return ((Number) downstream(reference).get("calls")).intValue();
    }

    void assertFormatError(String path, Map<String, Object> request, String field)
            throws IOException, InterruptedException {
        Map<String, Object> body = sealedOk(post(path, request));
        assertThat(body).as(field).containsEntry("responseCode", "30").containsEntry("errorFieldName", field);
        assertThat(callsFor(String.valueOf(request.get("transactionReference")))).as(field).isZero();
    }

    void assertWrongSealDoesNothing(String path, Map<String, Object> request) throws Exception {
        Map<String, Object> sealed = IndependentSeal.sealRequest(request, MERCHANT_KEY);
        sealed.put("amount", 999_999);
        sealed.put("operationAmount", 999_999);
        Response response = given().contentType(ContentType.JSON).body(sealed).when().post(path);
        Map<String, Object> body = sealedOk(response);
        assertThat(body).containsOnlyKeys("responseCode", "seal").containsEntry("responseCode", "34");
        assertThat(callsFor(String.valueOf(request.get("transactionReference")))).isZero();
    }

    void assertDownAnswers90(String path, Map<String, Object> request) {
        Response response = post(path, request);
        assertThat(response.statusCode()).isEqualTo(503);
        Map<String, Object> body = response.jsonPath().getMap("$");
        assertThat(body).containsOnlyKeys("responseCode", "seal").containsEntry("responseCode", "90");
        assertThat(IndependentSeal.responseSealVerifies(body, MERCHANT_KEY)).isTrue();
    }

    // --- checkout/cardOrder ---------------------------------------------------------------------------------------

    @Test
    void aCardOrderIsAuthorizedForTheSealedMerchantWithoutA3DSecureChallenge() throws Exception {
        String reference = unique("CO");
        Response response = post(CARD_ORDER, cardOrder(reference, PAN));
        Map<String, Object> body = sealedOk(response);

        assertThat(body).containsEntry("responseCode", "00")
                .containsEntry("acquirerResponseCode", "00")
                .containsEntry("authorisationId", "A12345")
                .containsEntry("transactionReference", reference)
                .containsEntry("transactionDateTime", "2026-11-23T12:00:00+01:00")
                .containsEntry("maskedPan", "510000######0000")
                .containsEntry("cardCSCResultCode", "4D")
                .containsEntry("holderAuthentStatus", "NOT_SPECIFIED")
                .containsEntry("captureMode", "AUTHOR_CAPTURE")
                .containsEntry("captureDay", 0)
                .containsEntry("paymentMeanBrand", "MASTERCARD")
                .containsEntry("scoreValue", "0")
                .doesNotContainKeys("guaranteeIndicator", "errorFieldName", "cardNumber", "cardCSCValue",
                        "merchantId", "status");
        assertThat(response.asString()).doesNotContain(PAN).doesNotContain(CSC);
        Map<String, Object> sent = downstream(reference);
        assertThat(sent).containsEntry("calls", 1).containsEntry("merchantId", MERCHANT)
                .containsEntry("threeDSecure", false).containsEntry("orderChannel", "MOTO")
                .containsEntry("amount", 1500);
        assertThat(sent.get("cardFields")).isEqualTo(List.of("cscValue", "expiryDate", "number"));
    }

    @Test
    void aCardOrderPassesOnTheAuthorizationOutcome() {
        for (String code : List.of("05", "14", "51", "54", "63", "02")) {
            Map<String, Object> body = sealedOk(post(CARD_ORDER, cardOrder(unique("CO"), "51000000000000" + code)));
            assertThat(body).as(code).containsEntry("responseCode", code).containsEntry("acquirerResponseCode", code)
                    .doesNotContainKey("authorisationId");
        }
    }

    @Test
    void aReplayedCardOrderAnswers94AndIsNotAuthorizedTwice() {
        Map<String, Object> request = cardOrder(unique("CO"), PAN);
        assertThat(sealedOk(post(CARD_ORDER, request))).containsEntry("responseCode", "00");
        assertThat(sealedOk(post(CARD_ORDER, request))).containsEntry("responseCode", "94")
                .doesNotContainKey("authorisationId");
    }

    @Test
    void aCardOrderWithEncryptedCardDataSendsOnlyTheJwe() throws Exception {
        String reference = unique("CO");
        Map<String, Object> request = with(cardOrder(reference, PAN), r -> {
            r.remove("cardNumber");
            r.remove("cardExpiryDate");
            r.remove("cardCSCValue");
            r.put("encryptedCardData", JWE);
        });
        assertThat(sealedOk(post(CARD_ORDER, request))).containsEntry("responseCode", "00")
                .containsEntry("maskedPan", "5100##########00");
        assertThat(downstream(reference).get("cardFields")).isEqualTo(List.of("encryptedCardData"));

        Map<String, Object> unreadable = with(request, r -> {
            r.put("transactionReference", unique("CO"));
            r.put("encryptedCardData", "BAD." + JWE.substring(JWE.indexOf('.') + 1));
        });
        assertThat(sealedOk(post(CARD_ORDER, unreadable))).containsEntry("responseCode", "30")
                .containsEntry("errorFieldName", "encryptedCardData");
    }

    @Test
    void aCardOrderNeedsExactlyOneCardSource() throws Exception {
        assertFormatError(CARD_ORDER, with(cardOrder(unique("CO"), PAN), r -> r.put("encryptedCardData", JWE)),
                "encryptedCardData");
        assertFormatError(CARD_ORDER, with(cardOrder(unique("CO"), PAN), r -> {
            r.remove("cardNumber");
            r.remove("cardExpiryDate");
            r.remove("cardCSCValue");
        }), "cardNumber");
    }

    @Test
    void aCardOrderChecksItsFieldsBeforeCallingAnything() throws Exception {
        Map<String, Consumer<Map<String, Object>>> badFields = new LinkedHashMap<>();
        badFields.put("transactionReference", r -> r.put("transactionReference", "REF-WITH-DASH"));
        badFields.put("amount", r -> r.put("amount", 0));
        badFields.put("currencyCode", r -> r.put("currencyCode", "999"));
        badFields.put("cardNumber", r -> r.put("cardNumber", "51000000000"));
        badFields.put("cardExpiryDate", r -> r.put("cardExpiryDate", "202813"));
        badFields.put("cardCSCValue", r -> r.put("cardCSCValue", "12"));
        badFields.put("encryptedCardData", r -> {
            r.remove("cardNumber");
            r.remove("cardExpiryDate");
            r.remove("cardCSCValue");
            r.put("encryptedCardData", "not-a-jwe");
        });
        badFields.put("captureMode", r -> r.put("captureMode", "LATER"));
        badFields.put("captureDay", r -> r.put("captureDay", 100));
        badFields.put("orderChannel", r -> r.put("orderChannel", "SHOP"));
        badFields.put("paymentPattern", r -> r.put("paymentPattern", "SOMETIMES"));
        badFields.put("paymentMeanBrand", r -> r.put("paymentMeanBrand", "VISA1"));
        badFields.put("customerIpAddress", r -> r.put("customerIpAddress", "<script>"));
        badFields.put("statementReference", r -> r.put("statementReference", "x".repeat(256)));
        badFields.put("returnContext", r -> r.put("returnContext", 42));
        for (var bad : badFields.entrySet()) {
            String reference = unique("CO");
            Map<String, Object> request = with(cardOrder(reference, PAN), bad.getValue());
            Map<String, Object> body = sealedOk(post(CARD_ORDER, request));
            assertThat(body).as(bad.getKey()).containsEntry("responseCode", "30")
                    .containsEntry("errorFieldName", bad.getKey());
            assertThat(callsFor(reference)).as(bad.getKey()).isZero();
        }
    }

    @Test
    void aCardOrderAcceptsEveryOptionalField() {
        Map<String, Object> request = with(cardOrder(unique("CO"), PAN), r -> {
            r.put("captureMode", "VALIDATION");
            r.put("captureDay", "5");
            r.put("orderId", "ORDER-42");
            r.put("paymentPattern", "RECURRING_1");
            r.put("paymentMeanBrand", "MASTERCARD");
            r.put("customerIpAddress", "2001:db8::1");
            r.put("statementReference", "Shop #42");
            r.put("returnContext", "ctx=1");
            r.put("sealAlgorithm", "HMAC-SHA-256");
        });
        assertThat(sealedOk(post(CARD_ORDER, request))).containsEntry("responseCode", "00")
                .containsEntry("captureMode", "VALIDATION").containsEntry("captureDay", 5);
    }

    @Test
    void aFieldRefusedByTheAuthorizationServiceIs30WhenItIsTheMerchantsElse12() {
        assertThat(sealedOk(post(CARD_ORDER, cardOrder(unique("BADCARD"), PAN))))
                .containsEntry("responseCode", "30").containsEntry("errorFieldName", "cardNumber");
        assertThat(sealedOk(post(CARD_ORDER, cardOrder(unique("ODDFIELD"), PAN))))
                .containsOnlyKeys("responseCode", "seal").containsEntry("responseCode", "12");
    }

    @Test
    void aCardOrderWithAWrongSealAnswers34AndAuthorizesNothing() throws Exception {
        assertWrongSealDoesNothing(CARD_ORDER, cardOrder(unique("CO"), PAN));
    }

    @Test
    void aCardOrderWithTheAuthorizationServiceDownAnswers503And90() {
        assertDownAnswers90(CARD_ORDER, cardOrder(unique("DOWN"), PAN));
    }

    @Test
    void aCardOrderWithTheWrongInterfacePrefixAnswers30() {
        Map<String, Object> body = sealedOk(post(CARD_ORDER,
                with(cardOrder(unique("CO"), PAN), r -> r.put("interfaceVersion", "CR_WS_2.3"))));
        assertThat(body).containsEntry("responseCode", "30").containsEntry("errorFieldName", "interfaceVersion");
    }

    // --- checkout/walletOrder -------------------------------------------------------------------------------------

    @Test
    void aWalletOrderPaysWithTheWalletCard() throws Exception {
        String reference = unique("WO");
        Map<String, Object> body = sealedOk(post(WALLET_ORDER, walletOrder(reference, "W1", 1)));
        assertThat(body).containsEntry("responseCode", "00").containsEntry("authorisationId", "A12345")
                .containsEntry("maskedPan", "4100##########00").containsEntry("transactionReference", reference);
        Map<String, Object> sent = downstream(reference);
        assertThat(sent.get("cardFields")).isEqualTo(List.of("cscValue", "merchantWalletId", "paymentMeanId"));
        assertThat(sent).containsEntry("merchantId", MERCHANT).containsEntry("amount", 2500)
                .containsEntry("threeDSecure", false);
    }

    @Test
    void aWalletOrderWithAnUnknownWalletCardAnswers14() {
        assertThat(sealedOk(post(WALLET_ORDER, walletOrder(unique("WO"), "W1", "2"))))
                .containsEntry("responseCode", "14");
    }

    @Test
    void aWalletOrderChecksItsFields() throws Exception {
        assertFormatError(WALLET_ORDER, with(walletOrder(unique("WO"), "W1", 1), r -> r.remove("merchantWalletId")),
                "merchantWalletId");
        assertFormatError(WALLET_ORDER, walletOrder(unique("WO"), "W1", "0"), "paymentMeanId");
        assertFormatError(WALLET_ORDER, walletOrder(unique("WO"), "W1", 1.5), "paymentMeanId");
        assertFormatError(WALLET_ORDER, with(walletOrder(unique("WO"), "W1", 1), r -> r.put("cardCSCValue", "abc")),
                "cardCSCValue");
        assertFormatError(WALLET_ORDER, with(walletOrder(unique("WO"), "W1", 1), r -> r.remove("amount")), "amount");
    }

    @Test
    void aWalletOrderWithAWrongSealAnswers34AndAuthorizesNothing() throws Exception {
        assertWrongSealDoesNothing(WALLET_ORDER, walletOrder(unique("WO"), "W1", 1));
    }

    @Test
    void aWalletOrderWithTheAuthorizationServiceDownAnswers503And90() {
        assertDownAnswers90(WALLET_ORDER, walletOrder(unique("DOWN"), "W1", 1));
    }

    // --- cashManagement/validate ----------------------------------------------------------------------------------

    @Test
    void aValidationAnswersTheNewStateAndAReplayedRequestValidatesOnce() throws Exception {
        String reference = unique("KNOWN");
        Map<String, Object> request = with(cashOperation(reference, 600, "978"), r -> {
            r.put("operationOrigin", "BACKOFFICE");
            r.put("lastRecoveryIndicator", "Y");
        });
        Map<String, Object> first = sealedOk(post(VALIDATE, request));
        assertThat(first).containsEntry("responseCode", "00").containsEntry("newAmount", 600)
                .containsEntry("newStatus", "TO_CAPTURE").containsEntry("authorisationId", "123456")
                .containsEntry("operationDateTime", "2026-11-23T12:30:00+01:00")
                .containsEntry("captureLimitDate", "20261123").doesNotContainKey("transaction");
        String operationId = (String) downstream(reference).get("operationId");

        Map<String, Object> replay = sealedOk(post(VALIDATE, request));
        assertThat(replay).isEqualTo(first);
        assertThat(downstream(reference)).containsEntry("operationId", operationId).containsEntry("calls", 2);

        // only 400 of 1000 are left: the replay did not validate a second 600
        Map<String, Object> another = with(request, r -> r.put("operationOrigin", "SECOND"));
        assertThat(sealedOk(post(VALIDATE, another))).containsEntry("responseCode", "24");
        assertThat(downstream(reference).get("operationId")).isNotEqualTo(operationId);
    }

    @Test
    void aValidationAnswersTheAuthorizationServicesRefusals() {
        assertThat(sealedOk(post(VALIDATE, cashOperation(unique("KNOWN"), 5000, 978))))
                .containsEntry("responseCode", "24");
        assertThat(sealedOk(post(VALIDATE, cashOperation(unique("KNOWN"), 100, 840))))
                .containsEntry("responseCode", "12");
        assertThat(sealedOk(post(VALIDATE, cashOperation(unique("NOPE"), 100, 978))))
                .containsOnlyKeys("responseCode", "seal").containsEntry("responseCode", "25");
    }

    @Test
    void aValidationChecksItsFields() throws Exception {
        assertFormatError(VALIDATE, cashOperation(unique("KNOWN"), -5, "978"), "operationAmount");
        assertFormatError(VALIDATE, cashOperation(unique("KNOWN"), "1e3", "978"), "operationAmount");
        assertFormatError(VALIDATE, cashOperation(unique("KNOWN"), 100, "ABC"), "currencyCode");
        assertFormatError(VALIDATE, with(cashOperation(unique("KNOWN"), 100, "978"),
                r -> r.put("lastRecoveryIndicator", "X")), "lastRecoveryIndicator");
        assertFormatError(VALIDATE, with(cashOperation(unique("KNOWN"), 100, "978"),
                r -> r.put("operationOrigin", "o".repeat(21))), "operationOrigin");
    }

    @Test
    void aValidationWithAWrongSealAnswers34AndValidatesNothing() throws Exception {
        assertWrongSealDoesNothing(VALIDATE, cashOperation(unique("KNOWN"), 100, "978"));
    }

    @Test
    void aValidationWithTheAuthorizationServiceDownAnswers503And90() {
        assertDownAnswers90(VALIDATE, cashOperation(unique("DOWN"), 100, "978"));
    }

    // --- cashManagement/refund ------------------------------------------------------------------------------------

    @Test
    void aRefundAnswersTheNewStateAndAReplayedRequestRefundsOnce() throws Exception {
        String reference = unique("KNOWN");
        Map<String, Object> request = cashOperation(reference, 700, 978);
        Map<String, Object> first = sealedOk(post(REFUND, request));
        assertThat(first).containsEntry("responseCode", "00").containsEntry("newAmount", 300)
                .containsEntry("newStatus", "TO_CREDIT").containsEntry("authorisationId", "123456")
                .doesNotContainKey("captureLimitDate");
        assertThat(sealedOk(post(REFUND, request))).isEqualTo(first);
        assertThat(sealedOk(post(REFUND, with(request, r -> r.put("operationOrigin", "AGAIN")))))
                .containsEntry("responseCode", "24");
        assertThat(sealedOk(post(REFUND, with(request, r -> {
            r.put("operationOrigin", "REST");
            r.put("operationAmount", "300");
        })))).containsEntry("responseCode", "00").containsEntry("newAmount", 0);
    }

    @Test
    void aValidateAndARefundWithTheSameFieldsAreDifferentOperations() throws Exception {
        String reference = unique("KNOWN");
        Map<String, Object> request = cashOperation(reference, 100, 978);
        sealedOk(post(VALIDATE, request));
        Object validateId = downstream(reference).get("operationId");
        sealedOk(post(REFUND, request));
        assertThat(downstream(reference).get("operationId")).isNotEqualTo(validateId);
    }

    @Test
    void aRefundAnswersTheAuthorizationServicesRefusals() {
        assertThat(sealedOk(post(REFUND, cashOperation(unique("KNOWN"), 1001, 978))))
                .containsEntry("responseCode", "24");
        assertThat(sealedOk(post(REFUND, cashOperation(unique("KNOWN"), 100, "826"))))
                .containsEntry("responseCode", "12");
        assertThat(sealedOk(post(REFUND, cashOperation(unique("OTHER"), 100, 978))))
                .containsEntry("responseCode", "25");
    }

    @Test
    void aRefundChecksItsFields() throws Exception {
        assertFormatError(REFUND, cashOperation(unique("KNOWN"), 0, "978"), "operationAmount");
        assertFormatError(REFUND, cashOperation(unique("KNOWN"), 1_000_000_000_000L, "978"), "operationAmount");
        assertFormatError(REFUND, with(cashOperation(unique("KNOWN"), 100, "978"), r -> r.remove("currencyCode")),
                "currencyCode");
        Map<String, Object> noReference = with(cashOperation("X", 100, "978"),
                r -> r.put("transactionReference", "has space"));
        assertThat(sealedOk(post(REFUND, noReference))).containsEntry("responseCode", "30")
                .containsEntry("errorFieldName", "transactionReference");
    }

    @Test
    void aRefundWithAWrongSealAnswers34AndRefundsNothing() throws Exception {
        assertWrongSealDoesNothing(REFUND, cashOperation(unique("KNOWN"), 100, "978"));
    }

    @Test
    void aRefundWithTheAuthorizationServiceDownAnswers503And90() {
        assertDownAnswers90(REFUND, cashOperation(unique("DOWN"), 100, "978"));
    }

    // --- cashManagement/duplicate ---------------------------------------------------------------------------------

    @Test
    void aDuplicatePaysWithTheCardOfAnEarlierTransaction() throws Exception {
        String reference = unique("DU");
        Map<String, Object> request = with(duplicate(unique("KNOWN"), reference), r -> {
            r.put("captureMode", "AUTHOR_CAPTURE");
            r.put("captureDay", 2);
            r.put("orderChannel", "MOTO");
            r.put("orderId", "O-1");
            r.put("returnContext", "rc");
        });
        Map<String, Object> body = sealedOk(post(DUPLICATE, request));
        assertThat(body).containsEntry("responseCode", "00").containsEntry("authorisationId", "D12345")
                .containsEntry("panExpiryDate", "202812").containsEntry("maskedPan", "5100##########00")
                .containsEntry("transactionReference", reference).containsEntry("captureDay", 2);
        Map<String, Object> sent = downstream(reference);
        assertThat(sent).containsEntry("merchantId", MERCHANT).doesNotContainKey("cardFields")
                .containsEntry("fromMerchantId", null);
    }

    @Test
    void aDuplicateAnswersTheAuthorizationServicesRefusals() {
        assertThat(sealedOk(post(DUPLICATE, duplicate(unique("NOPE"), unique("DU")))))
                .containsEntry("responseCode", "25");
        assertThat(sealedOk(post(DUPLICATE, with(duplicate(unique("KNOWN"), unique("DU")),
                r -> r.put("fromMerchantId", OTHER_MERCHANT))))).containsEntry("responseCode", "40");
    }

    @Test
    void aDuplicateChecksItsFields() throws Exception {
        assertFormatError(DUPLICATE, with(duplicate("X", unique("DU")), r -> r.remove("fromTransactionReference")),
                "fromTransactionReference");
        assertFormatError(DUPLICATE, with(duplicate(unique("KNOWN"), unique("DU")),
                r -> r.put("fromMerchantId", "12345")), "fromMerchantId");
        assertFormatError(DUPLICATE, with(duplicate(unique("KNOWN"), unique("DU")), r -> r.put("amount", "12.5")),
                "amount");
    }

    @Test
    void aDuplicateWithAWrongSealAnswers34AndPaysNothing() throws Exception {
        assertWrongSealDoesNothing(DUPLICATE, duplicate(unique("KNOWN"), unique("DU")));
    }

    @Test
    void aDuplicateWithTheAuthorizationServiceDownAnswers503And90() {
        assertDownAnswers90(DUPLICATE, duplicate(unique("KNOWN"), unique("DOWN")));
    }

    // --- cashManagement/creditHolder ------------------------------------------------------------------------------

    @Test
    void aCreditHolderCreditsTheCard() throws Exception {
        String reference = unique("CH");
        Response response = post(CREDIT_HOLDER, creditHolder(reference));
        Map<String, Object> body = sealedOk(response);
        assertThat(body).containsEntry("responseCode", "00").containsEntry("transactionReference", reference)
                .containsEntry("maskedPan", "510000######0000");
        assertThat(response.asString()).doesNotContain(PAN).doesNotContain(CSC);
        assertThat(downstream(reference).get("cardFields")).isEqualTo(List.of("cscValue", "expiryDate", "number"));
        assertThat(sealedOk(post(CREDIT_HOLDER, creditHolder(reference)))).containsEntry("responseCode", "94");
    }

    @Test
    void aCreditHolderChecksItsFields() throws Exception {
        assertFormatError(CREDIT_HOLDER, with(creditHolder(unique("CH")), r -> r.put("cardNumber", "4x")),
                "cardNumber");
        assertFormatError(CREDIT_HOLDER, with(creditHolder(unique("CH")), r -> r.put("encryptedCardData", JWE)),
                "encryptedCardData");
    }

    @Test
    void aCreditHolderNeedsTheCashManagementPrefix() {
        assertThat(sealedOk(post(CREDIT_HOLDER,
                with(creditHolder(unique("CH")), r -> r.put("interfaceVersion", "IR_WS_2.47")))))
                .containsEntry("responseCode", "30").containsEntry("errorFieldName", "interfaceVersion");
    }

    @Test
    void aCreditHolderWithAWrongSealAnswers34AndCreditsNothing() throws Exception {
        assertWrongSealDoesNothing(CREDIT_HOLDER, creditHolder(unique("CH")));
    }

    @Test
    void aCreditHolderWithTheAuthorizationServiceDownAnswers503And90() {
        assertDownAnswers90(CREDIT_HOLDER, creditHolder(unique("DOWN")));
    }
}
