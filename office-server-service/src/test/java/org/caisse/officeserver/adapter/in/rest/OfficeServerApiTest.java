package org.caisse.officeserver.adapter.in.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.caisse.officeserver.support.FakeDownstreams.LIVE_MERCHANT;
import static org.caisse.officeserver.support.FakeDownstreams.LIVE_MERCHANT_KEY;
import static org.caisse.officeserver.support.FakeDownstreams.MERCHANT;
import static org.caisse.officeserver.support.FakeDownstreams.MERCHANT_KEY;
import static org.caisse.officeserver.support.FakeDownstreams.OTHER_MERCHANT;
import static org.caisse.officeserver.support.FakeDownstreams.OTHER_MERCHANT_KEY;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.caisse.officeserver.support.FakeDownstreams;
import org.caisse.officeserver.support.FakeDownstreamsResource;
import org.caisse.officeserver.support.IndependentSeal;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * The Office Server JSON API end to end inside the service: real HTTP, real seal checks, the key and
 * authorization services played by {@link FakeDownstreams}. Request seals are computed with
 * {@link IndependentSeal}, not with the service's code.
 */
@QuarkusTest
@WithTestResource(value = FakeDownstreamsResource.class, scope = TestResourceScope.GLOBAL)
class OfficeServerApiTest {

    private static final String GET_TRANSACTION_DATA = "/rs-services/v2/diagnostic/getTransactionData";
    private static final String CANCEL = "/rs-services/v2/cashManagement/cancel";

    @ConfigProperty(name = "caisse.authorization.url")
    String authorizationUrl;

    private static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    }

    private static Map<String, Object> diagnostic(String merchantId, String reference) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("interfaceVersion", "DR_WS_2.3");
        request.put("keyVersion", 1);
        request.put("merchantId", merchantId);
        request.put("transactionReference", reference);
        return request;
    }

    private static Map<String, Object> cancel(String reference, Object amount, Object currency) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("currencyCode", currency);
        request.put("interfaceVersion", "CR_WS_2.3");
        request.put("keyVersion", 1);
        request.put("merchantId", MERCHANT);
        request.put("operationAmount", amount);
        request.put("transactionReference", reference);
        return request;
    }

    @Inject
    Pool pool;

    private static Response post(String path, Object body) {
        return given().contentType(ContentType.JSON).body(body).when().post(path);
    }

    private static Map<String, Object> okBody(Response response) {
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
        return response.jsonPath().getMap("$");
    }

    private int authorizationCallsFor(String reference) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(authorizationUrl + "/_test/calls/" + reference)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        return ((Number) new ObjectMapper().readValue(response.body(), Map.class).get("calls")).intValue();
    }

    @Test
    void getTransactionDataAnswersTheTransactionSealedWithTheMerchantKey() {
        String reference = unique("KNOWN");
        Map<String, Object> body = okBody(post(GET_TRANSACTION_DATA,
                IndependentSeal.sealRequest(diagnostic(MERCHANT, reference), MERCHANT_KEY)));

        assertThat(body).containsEntry("responseCode", "00")
                .containsEntry("transactionStatus", "TO_CAPTURE")
                .containsEntry("originAmount", 1000)
                .containsEntry("currentAmount", 1000)
                .containsEntry("remainingAmount", 1000)
                .containsEntry("currencyCode", "978")
                .containsEntry("authorisationId", "123456")
                .containsEntry("captureLimitDate", "20261123")
                .containsEntry("transactionDateTime", "2026-11-23T12:00:00+01:00")
                .containsEntry("lastOperationName", "AUTHORIZATION")
                .containsEntry("lastOperationDateTime", "2026-11-23T12:00:00+01:00")
                .containsEntry("paymentMeanBrand", "MASTERCARD")
                .containsEntry("maskedPan", "5100##########00")
                .containsEntry("panExpiryDate", "202812")
                .containsEntry("orderChannel", "INTERNET")
                .containsEntry("orderId", "ORDER-1")
                .containsEntry("holderAuthentStatus", "NOT_SPECIFIED")
                .containsEntry("captureMode", "AUTHOR_CAPTURE")
                .containsEntry("captureDay", 0)
                .containsEntry("authorisationResponseCode", "00")
                .doesNotContainKeys("guaranteeIndicator", "customerEmail", "errorFieldName");
        assertThat(body.get("operationList")).isEqualTo(List.of(Map.of("operationName", "AUTHORIZATION",
                "operationAmount", 1000, "operationDateTime", "2026-11-23T12:00:00+01:00", "responseCode", "00")));
        assertThat(IndependentSeal.responseSealVerifies(body, MERCHANT_KEY)).isTrue();
        assertThat(IndependentSeal.responseSealVerifies(body, OTHER_MERCHANT_KEY)).isFalse();
    }

    @Test
    void aTrailingSlashReachesTheSameService() {
        Map<String, Object> body = okBody(post(GET_TRANSACTION_DATA + "/",
                IndependentSeal.sealRequest(diagnostic(MERCHANT, unique("KNOWN")), MERCHANT_KEY)));
        assertThat(body).containsEntry("responseCode", "00");
    }

    @Test
    void anUnknownReferenceAnswers25Sealed() {
        Map<String, Object> body = okBody(post(GET_TRANSACTION_DATA,
                IndependentSeal.sealRequest(diagnostic(MERCHANT, unique("NOPE")), MERCHANT_KEY)));
        assertThat(body).containsOnlyKeys("responseCode", "seal").containsEntry("responseCode", "25");
        assertThat(IndependentSeal.responseSealVerifies(body, MERCHANT_KEY)).isTrue();
    }

    @Test
    void anotherMerchantsTransactionIsUnknownAndOnlyTheSealedMerchantIsAskedFor() throws Exception {
        String reference = unique("KNOWN");
        Map<String, Object> request = diagnostic(OTHER_MERCHANT, reference);
        request.put("fromMerchantId", MERCHANT); // an attempt to name another merchant is just an ignored field
        Map<String, Object> body = okBody(post(GET_TRANSACTION_DATA,
                IndependentSeal.sealRequest(request, OTHER_MERCHANT_KEY)));

        assertThat(body).containsEntry("responseCode", "25");
        assertThat(IndependentSeal.responseSealVerifies(body, OTHER_MERCHANT_KEY)).isTrue();
        assertThat(authorizationCallsFor(reference)).isEqualTo(1);
    }

    @Test
    void aPartialCancelLowersTheAmountAndAReplayedRequestDoesNotCancelTwice() throws Exception {
        String reference = unique("KNOWN");
        Map<String, Object> request = IndependentSeal.sealRequest(cancel(reference, 400, 978), MERCHANT_KEY);

        Map<String, Object> first = okBody(post(CANCEL, request));
        assertThat(first).containsEntry("responseCode", "00")
                .containsEntry("newAmount", 600)
                .containsEntry("newStatus", "TO_CAPTURE")
                .containsEntry("operationDateTime", "2026-11-23T12:30:00+01:00");
        assertThat(IndependentSeal.responseSealVerifies(first, MERCHANT_KEY)).isTrue();

        Map<String, Object> replay = okBody(post(CANCEL, request));
        assertThat(replay).isEqualTo(first);

        Map<String, Object> after = okBody(post(GET_TRANSACTION_DATA,
                IndependentSeal.sealRequest(diagnostic(MERCHANT, reference), MERCHANT_KEY)));
        assertThat(after).containsEntry("currentAmount", 600);
    }

    @Test
    void aCancelAcceptsTheAmountAsANumericStringAndATotalCancelEndsTheTransaction() {
        Map<String, Object> body = okBody(post(CANCEL,
                IndependentSeal.sealRequest(cancel(unique("KNOWN"), "1000", "978"), MERCHANT_KEY)));
        assertThat(body).containsEntry("responseCode", "00").containsEntry("newAmount", 0)
                .containsEntry("newStatus", "CANCELLED");
    }

    @Test
    void aCancelAnswersTheAuthorizationServicesRefusals() {
        assertThat(okBody(post(CANCEL, IndependentSeal.sealRequest(cancel(unique("NOPE"), 100, 978), MERCHANT_KEY))))
                .containsEntry("responseCode", "25");
        assertThat(okBody(post(CANCEL, IndependentSeal.sealRequest(cancel(unique("KNOWN"), 5000, 978), MERCHANT_KEY))))
                .containsEntry("responseCode", "24");
        Map<String, Object> mismatch = okBody(post(CANCEL,
                IndependentSeal.sealRequest(cancel(unique("KNOWN"), 100, 840), MERCHANT_KEY)));
        assertThat(mismatch).containsEntry("responseCode", "12");
        assertThat(IndependentSeal.responseSealVerifies(mismatch, MERCHANT_KEY)).isTrue();
    }

    @Test
    void theSipsRefundVectorShapeIsAcceptedByTheSealCheck() {
        // SIPS.md §5 vector: numbers for currencyCode and operationAmount; sealed over its values only.
        Map<String, Object> request = cancel(unique("KNOWN"), 500, 978);
        String sealString = IndependentSeal.sealString(request, IndependentSeal.REQUEST_EXCLUDED);
        assertThat(sealString).isEqualTo("978CR_WS_2.3" + MERCHANT + "500" + request.get("transactionReference"));
        request.put("seal", IndependentSeal.hmacSha256Hex(MERCHANT_KEY, sealString));

        assertThat(okBody(post(CANCEL, request))).containsEntry("responseCode", "00").containsEntry("newAmount", 500);
    }

    @Test
    void aBodyThatIsNotAJsonObjectIsRefusedWith400AndCode30() {
        for (String notAnObject : new String[]{"merchantId=002001000000001", "[1,2]", "\"text\"", "",
                "{\"merchantId\":\"002001000000001\",\"merchantId\":\"002001000000002\"}", "{} {}"}) {
            Response response = given().contentType(ContentType.JSON).body(notAnObject).post(GET_TRANSACTION_DATA);
            assertThat(response.statusCode()).as(notAnObject).isEqualTo(400);
            assertThat(response.jsonPath().getMap("$")).as(notAnObject).isEqualTo(Map.of("responseCode", "30"));
        }
    }

    @Test
    void aMissingCommonFieldAnswers30NamingIt() {
        for (String field : List.of("merchantId", "interfaceVersion", "keyVersion")) {
            Map<String, Object> request = diagnostic(MERCHANT, unique("KNOWN"));
            request.remove(field);
            Map<String, Object> body = okBody(post(GET_TRANSACTION_DATA, IndependentSeal.sealRequest(request, MERCHANT_KEY)));
            assertThat(body).as(field).containsEntry("responseCode", "30").containsEntry("errorFieldName", field);
        }
        Map<String, Object> unsealed = okBody(post(GET_TRANSACTION_DATA, diagnostic(MERCHANT, unique("KNOWN"))));
        assertThat(unsealed).containsEntry("responseCode", "30").containsEntry("errorFieldName", "seal");
        // merchant and key version were well-formed: the error answer is sealed with the merchant's key
        assertThat(IndependentSeal.responseSealVerifies(unsealed, MERCHANT_KEY)).isTrue();
    }

    @Test
    void aMissingOrBadServiceFieldAnswers30NamingItAndCallsNothing() throws Exception {
        Map<String, Object> noReference = diagnostic(MERCHANT, "x");
        noReference.remove("transactionReference");
        assertThat(okBody(post(GET_TRANSACTION_DATA, IndependentSeal.sealRequest(noReference, MERCHANT_KEY))))
                .containsEntry("responseCode", "30").containsEntry("errorFieldName", "transactionReference");

        String reference = unique("KNOWN");
        for (Object badAmount : new Object[]{0, -5, "abc", 10.5}) {
            Map<String, Object> body = okBody(post(CANCEL,
                    IndependentSeal.sealRequest(cancel(reference, badAmount, 978), MERCHANT_KEY)));
            assertThat(body).as("amount %s", badAmount).containsEntry("responseCode", "30")
                    .containsEntry("errorFieldName", "operationAmount");
            assertThat(IndependentSeal.responseSealVerifies(body, MERCHANT_KEY)).isTrue();
        }
        Map<String, Object> noCurrency = cancel(reference, 100, 978);
        noCurrency.remove("currencyCode");
        assertThat(okBody(post(CANCEL, IndependentSeal.sealRequest(noCurrency, MERCHANT_KEY))))
                .containsEntry("responseCode", "30").containsEntry("errorFieldName", "currencyCode");
        assertThat(okBody(post(CANCEL, IndependentSeal.sealRequest(cancel(reference, 100, "999"), MERCHANT_KEY))))
                .containsEntry("responseCode", "30").containsEntry("errorFieldName", "currencyCode");
        assertThat(authorizationCallsFor(reference)).isZero();
    }

    @Test
    void aWrongInterfaceVersionAnswers30() {
        for (String version : List.of("CR_WS_2.3", "IR_WS_2.3", "DR_WS_1.0", "DR_WS_two")) {
            Map<String, Object> request = diagnostic(MERCHANT, unique("KNOWN"));
            request.put("interfaceVersion", version);
            assertThat(okBody(post(GET_TRANSACTION_DATA, IndependentSeal.sealRequest(request, MERCHANT_KEY))))
                    .as(version).containsEntry("responseCode", "30").containsEntry("errorFieldName", "interfaceVersion");
        }
        Map<String, Object> request = cancel(unique("KNOWN"), 100, 978);
        request.put("interfaceVersion", "DR_WS_2.3");
        assertThat(okBody(post(CANCEL, IndependentSeal.sealRequest(request, MERCHANT_KEY))))
                .containsEntry("responseCode", "30").containsEntry("errorFieldName", "interfaceVersion");
    }

    @Test
    void aBadSealAnswers34AndNothingReachesTheAuthorizationService() throws Exception {
        String reference = unique("KNOWN");
        Map<String, Object> wrongKey = IndependentSeal.sealRequest(cancel(reference, 100, 978), OTHER_MERCHANT_KEY);
        Map<String, Object> body = okBody(post(CANCEL, wrongKey));
        assertThat(body).containsEntry("responseCode", "34").doesNotContainKey("newAmount");
        assertThat(IndependentSeal.responseSealVerifies(body, MERCHANT_KEY)).isTrue();

        Map<String, Object> tampered = IndependentSeal.sealRequest(cancel(reference, 100, 978), MERCHANT_KEY);
        tampered.put("operationAmount", 900);
        assertThat(okBody(post(CANCEL, tampered))).containsEntry("responseCode", "34");

        Map<String, Object> diagnosticTampered = IndependentSeal.sealRequest(diagnostic(MERCHANT, reference), MERCHANT_KEY);
        diagnosticTampered.put("transactionReference", reference + "X");
        assertThat(okBody(post(GET_TRANSACTION_DATA, diagnosticTampered))).containsEntry("responseCode", "34");

        assertThat(authorizationCallsFor(reference)).isZero();
        assertThat(authorizationCallsFor(reference + "X")).isZero();
    }

    @Test
    void anUnknownOrDeactivatedKeyVersionAnswers34() throws Exception {
        String reference = unique("KNOWN");
        for (int version : new int[]{9, 2}) {
            Map<String, Object> request = cancel(reference, 100, 978);
            request.put("keyVersion", version);
            Map<String, Object> body = okBody(post(CANCEL, IndependentSeal.sealRequest(request, MERCHANT_KEY)));
            assertThat(body).as("keyVersion %s", version).isEqualTo(Map.of("responseCode", "34"));
        }
        Map<String, Object> unknownMerchant = diagnostic("999999999999999", reference);
        assertThat(okBody(post(GET_TRANSACTION_DATA, IndependentSeal.sealRequest(unknownMerchant, MERCHANT_KEY))))
                .isEqualTo(Map.of("responseCode", "34"));
        assertThat(authorizationCallsFor(reference)).isZero();
    }

    @Test
    void aTestKeyNeverSealsTheRequestOfAProductionMerchant() throws Exception {
        String reference = unique("KNOWN");
        Map<String, Object> request = diagnostic(LIVE_MERCHANT, reference);
        setMode(LIVE_MERCHANT, "PRODUCTION");
        assertThat(okBody(post(GET_TRANSACTION_DATA, IndependentSeal.sealRequest(request, LIVE_MERCHANT_KEY))))
                .as("TEST key, PRODUCTION merchant").isEqualTo(Map.of("responseCode", "34"));
        assertThat(authorizationCallsFor(reference)).isZero();

        setMode(LIVE_MERCHANT, "TEST");
        assertThat(okBody(post(GET_TRANSACTION_DATA, IndependentSeal.sealRequest(request, LIVE_MERCHANT_KEY))))
                .as("the same request once the merchant is in TEST mode").containsEntry("responseCode", "25");
    }

    private void setMode(String merchantId, String mode) {
        pool.preparedQuery("""
                        INSERT INTO merchant (merchant_id, settings) VALUES ($1, $2)
                        ON CONFLICT (merchant_id) DO UPDATE SET settings = EXCLUDED.settings""")
                .execute(Tuple.of(merchantId, new JsonObject().put("merchantId", merchantId).put("mode", mode)))
                .await().indefinitely();
    }

    @Test
    void anOversizedBodyIsRefusedWith413() {
        Map<String, Object> request = IndependentSeal.sealRequest(diagnostic(MERCHANT, unique("KNOWN")), MERCHANT_KEY);
        request.put("padding", "x".repeat(70 * 1024));
        assertThat(post(GET_TRANSACTION_DATA, request).statusCode()).isEqualTo(413);
    }

    @Test
    void theKeyServiceBeingDownAnswers503WithCode90() {
        Map<String, Object> request = diagnostic(FakeDownstreams.KEYLESS_MERCHANT, unique("KNOWN"));
        Response response = post(GET_TRANSACTION_DATA, IndependentSeal.sealRequest(request, MERCHANT_KEY));
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.jsonPath().getString("responseCode")).isEqualTo("90");
    }

    @Test
    void theAuthorizationServiceBeingDownAnswers503WithCode90Sealed() {
        Response response = post(GET_TRANSACTION_DATA,
                IndependentSeal.sealRequest(diagnostic(MERCHANT, unique("DOWN")), MERCHANT_KEY));
        assertThat(response.statusCode()).isEqualTo(503);
        Map<String, Object> body = response.jsonPath().getMap("$");
        assertThat(body).containsEntry("responseCode", "90");
        assertThat(IndependentSeal.responseSealVerifies(body, MERCHANT_KEY)).isTrue();
    }

    @Test
    void anUnknownServiceIsNotFound() {
        assertThat(post("/rs-services/v2/diagnostic/nothingHere",
                IndependentSeal.sealRequest(diagnostic(MERCHANT, "KNOWN1"), MERCHANT_KEY)).statusCode()).isEqualTo(404);
    }
}
