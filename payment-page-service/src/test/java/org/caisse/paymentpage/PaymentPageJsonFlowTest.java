package org.caisse.paymentpage;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.caisse.paymentpage.support.FakePlatformServices;
import org.caisse.paymentpage.support.JsonSeals;
import org.caisse.paymentpage.support.SipsSeals;
import org.caisse.paymentpage.support.TestMerchants;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Paypage JSON (SIPS.md §3): init, its refusals, and the shopper's redirection POST to the card page; and
 * {@code s10TransactionReference} (SIPS.md §10) on both entry points.
 */
@QuarkusTest
@WithTestResource(FakePlatformServices.class)
class PaymentPageJsonFlowTest {

    private static final String INIT = "/rs-services/v2/paymentInit";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MERCHANT = TestMerchants.randomMerchantId('5');
    private static boolean merchantPublished;

    @Inject
    Pool pool;

    @BeforeEach
    void merchantIsKnown() {
        if (merchantPublished) {
            return;
        }
        String event = TestMerchants.publish(TestMerchants.settings(MERCHANT, TestMerchants.SHOP_NAME, false), Instant.now());
        TestMerchants.awaitStored(pool, MERCHANT, event);
        merchantPublished = true;
    }

    // ---------------------------------------------------------------- accepted

    @Test
    void sealedInitAnswersASealedRedirectionAndTheRedirectionPostShowsTheCardPage() throws Exception {
        String reference = newReference();
        Map<String, Object> request = request(reference);
        request.put("customerContact", Map.of("firstname", "Ada", "lastname", "Lovelace"));
        request.put("paymentMeanBrandList", List.of("VISA", "MASTERCARD"));
        sealed(request);

        Response init = postJson(INIT, request);

        assertThat(init.statusCode()).isEqualTo(200);
        Map<String, Object> answer = answer(init);
        assertThat(answer).containsEntry("redirectionStatusCode", "00")
                .containsEntry("redirectionStatusMessage", "INITIALISATION REQUEST ACCEPTED")
                .containsEntry("redirectionVersion", "IR_WS_2.0")
                .doesNotContainKey("errorFieldName");
        assertThat((String) answer.get("redirectionUrl")).endsWith("/paymentProcess");
        assertThat((String) answer.get("redirectionData")).matches("[0-9a-f-]{36}");
        assertThat(answer.get("seal")).isEqualTo(JsonSeals.sealAnswer(answer, key()));
        assertThat(storedCount(reference)).isEqualTo(1);
        assertThat(storedField(reference, "customerContact.firstname")).isEqualTo("Ada");
        assertThat(storedField(reference, "paymentMeanBrandList")).isEqualTo("VISA,MASTERCARD");

        Response redirection = redirect((String) answer.get("redirectionUrl"), "IR_WS_2.0", (String) answer.get("redirectionData"));
        assertThat(redirection.statusCode()).isEqualTo(303);
        String cardPath = URI.create(redirection.header("Location")).getPath();
        assertThat(cardPath).isEqualTo("/payment/" + answer.get("redirectionData"));

        Response page = given().get(cardPath);
        assertThat(page.statusCode()).isEqualTo(200);
        Document html = Jsoup.parse(page.body().asString());
        assertThat(html.selectFirst(".shop-name").text()).isEqualTo(TestMerchants.SHOP_NAME);
        assertThat(html.selectFirst(".amount").text().replaceAll("[\\u00a0\\u202f]", " ")).isEqualTo("10,50 €");
        assertThat(html.selectFirst("form.card-form input[name=csrf]").attr("value")).matches("[0-9a-f]{64}");
    }

    @Test
    void trailingSlashAndAnAmountSentAsANumericStringAreAccepted() {
        String reference = newReference();
        Map<String, Object> request = request(reference);
        request.put("amount", "1050");
        sealed(request);

        Response init = postJson(INIT + "/", request);

        assertThat(answer(init)).containsEntry("redirectionStatusCode", "00");
        assertThat(storedCount(reference)).isEqualTo(1);
    }

    @Test
    void anS10ReferenceStandsForTheTransactionReferenceAndIsSingleUse() {
        String id = String.format("%06d", ThreadLocalRandom.current().nextInt(1_000_000));
        Map<String, Object> request = request(null);
        request.remove("transactionReference");
        request.put("s10TransactionReference", Map.of("s10TransactionId", id, "s10TransactionIdDate", "20261123"));

        Map<String, Object> first = answer(postJson(INIT, sealed(request)));
        Map<String, Object> again = answer(postJson(INIT, sealed(request)));

        assertThat(first).containsEntry("redirectionStatusCode", "00");
        assertThat(storedCount("20261123" + id)).isEqualTo(1);
        assertThat(storedField("20261123" + id, "s10TransactionReference.s10TransactionId")).isEqualTo(id);
        assertThat(again).containsEntry("redirectionStatusCode", "94");
    }

    @Test
    void theFormPostTakesAnS10ReferenceTooAndItsRequestCannotBeReachedThroughTheRedirection() {
        String id = String.format("%06d", ThreadLocalRandom.current().nextInt(1_000_000));
        String data = "amount=1050|currencyCode=978|merchantId=" + MERCHANT + "|normalReturnUrl=http://localhost:9999/return"
                + "|keyVersion=1|s10TransactionReference.s10TransactionId=" + id
                + "|s10TransactionReference.s10TransactionIdDate=20261124";

        Response init = given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("Data", data).formParam("Seal", SipsSeals.hmacSha256(key(), data))
                .formParam("InterfaceVersion", "HP_2.24").formParam("SealAlgorithm", "HMAC-SHA-256").post("/paymentInit");

        assertThat(init.statusCode()).isEqualTo(303);
        assertThat(storedCount("20261124" + id)).isEqualTo(1);
        String formRequestId = URI.create(init.header("Location")).getPath().substring("/payment/".length());
        assertThat(redirect("http://localhost/paymentProcess", "IR_WS_2.0", formRequestId).statusCode()).isEqualTo(400);
    }

    // ---------------------------------------------------------------- refused, nothing stored

    @Test
    void aWrongSealIs34AndStoresNothing() {
        String reference = newReference();
        Map<String, Object> request = request(reference);
        request.put("seal", SipsSeals.hmacSha256("not-the-key", "whatever"));

        Response init = postJson(INIT, request);

        assertThat(init.statusCode()).isEqualTo(200);
        assertThat(answer(init)).containsEntry("redirectionStatusCode", "34").containsEntry("responseCode", "34")
                .doesNotContainKeys("redirectionUrl", "redirectionData", "seal");
        assertThat(storedCount(reference)).isZero();
    }

    @Test
    void anUnknownKeyVersionIs34() {
        String reference = newReference();
        Map<String, Object> request = request(reference);
        request.put("keyVersion", 9);
        sealed(request);

        assertThat(answer(postJson(INIT, request))).containsEntry("redirectionStatusCode", "34");
        assertThat(storedCount(reference)).isZero();
    }

    @Test
    void theAmountChangedAfterSealingIs34() {
        String reference = newReference();
        Map<String, Object> request = request(reference);
        sealed(request);
        request.put("amount", 1);

        assertThat(answer(postJson(INIT, request))).containsEntry("redirectionStatusCode", "34");
        assertThat(storedCount(reference)).isZero();
    }

    @Test
    void aMissingRequiredFieldIs30NamingIt() {
        String reference = newReference();
        Map<String, Object> request = request(reference);
        request.remove("currencyCode");
        sealed(request);

        Response init = postJson(INIT, request);

        assertThat(init.statusCode()).isEqualTo(200);
        assertThat(answer(init)).containsEntry("redirectionStatusCode", "30").containsEntry("errorFieldName", "currencyCode");
        assertThat(storedCount(reference)).isZero();
    }

    @Test
    void aBadOptionalFieldIs30InASealedAnswer() {
        String reference = newReference();
        Map<String, Object> request = request(reference);
        request.put("captureMode", "SOMETIMES");
        sealed(request);

        Map<String, Object> answer = answer(postJson(INIT, request));

        assertThat(answer).containsEntry("redirectionStatusCode", "30").containsEntry("errorFieldName", "captureMode");
        assertThat(answer.get("seal")).isEqualTo(JsonSeals.sealAnswer(answer, key()));
        assertThat(storedCount(reference)).isZero();
    }

    @Test
    void aPaypagePostInterfaceVersionIs30() {
        Map<String, Object> request = request(newReference());
        request.put("interfaceVersion", "HP_2.24");
        sealed(request);

        assertThat(answer(postJson(INIT, request))).containsEntry("redirectionStatusCode", "30")
                .containsEntry("errorFieldName", "interfaceVersion");
    }

    @Test
    void anUnknownMerchantIs03() {
        Map<String, Object> request = request(newReference());
        request.put("merchantId", TestMerchants.randomMerchantId('4'));
        sealed(request);

        assertThat(answer(postJson(INIT, request))).containsEntry("redirectionStatusCode", "03");
    }

    @Test
    void aReusedReferenceIs94AndKeepsTheFirstRequest() {
        String reference = newReference();
        Map<String, Object> first = sealed(request(reference));
        assertThat(answer(postJson(INIT, first))).containsEntry("redirectionStatusCode", "00");

        Map<String, Object> second = request(reference);
        second.put("amount", 2000);
        Map<String, Object> answer = answer(postJson(INIT, sealed(second)));

        assertThat(answer).containsEntry("redirectionStatusCode", "94").doesNotContainKey("redirectionData");
        assertThat(answer.get("seal")).isEqualTo(JsonSeals.sealAnswer(answer, key()));
        assertThat(storedCount(reference)).isEqualTo(1);
        assertThat(storedField(reference, "amount")).isEqualTo("1050");
    }

    @Test
    void malformedJsonIs400With30() {
        for (String body : List.of("{\"amount\": 10", "[1, 2]", "", "{\"amount\": 1, \"amount\": 2}")) {
            Response init = given().contentType("application/json").body(body).post(INIT);
            assertThat(init.statusCode()).as(body).isEqualTo(400);
            assertThat(init.contentType()).startsWith("application/json");
            assertThat(answer(init)).as(body).containsEntry("redirectionStatusCode", "30");
        }
    }

    // ---------------------------------------------------------------- redirection refused

    @Test
    void aForgedOrUnknownRedirectionDataGivesAnErrorPageAndChangesNothing() {
        String url = "http://localhost/paymentProcess";
        for (String data : List.of(UUID.randomUUID().toString(), "not-a-token", "")) {
            Response page = redirect(url, "IR_WS_2.0", data);
            assertThat(page.statusCode()).as(data).isEqualTo(400);
            Document html = Jsoup.parse(page.body().asString());
            assertThat(html.selectFirst(".response-code").text()).isEqualTo("30");
            assertThat(html.selectFirst(".error-field").text()).isEqualTo("redirectionData");
        }

        String reference = newReference();
        Map<String, Object> answer = answer(postJson(INIT, sealed(request(reference))));
        Response wrongVersion = redirect(url, "HP_2.0", (String) answer.get("redirectionData"));
        assertThat(wrongVersion.statusCode()).isEqualTo(400);
        assertThat(storedStatus(reference)).isEqualTo("PENDING");
    }

    // ---------------------------------------------------------------- helpers

    private static Map<String, Object> request(String reference) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("amount", 1050);
        request.put("currencyCode", "978");
        request.put("merchantId", MERCHANT);
        request.put("normalReturnUrl", "http://localhost:9999/return?shop=1");
        request.put("automaticResponseUrl", "http://127.0.0.1:9998/notify");
        request.put("transactionReference", reference);
        request.put("keyVersion", 1);
        request.put("orderId", "ORDER-42");
        request.put("captureMode", "AUTHOR_CAPTURE");
        request.put("captureDay", 0);
        request.put("interfaceVersion", "IR_WS_2.20");
        request.put("sealAlgorithm", "HMAC-SHA-256");
        return request;
    }

    private static Map<String, Object> sealed(Map<String, Object> request) {
        request.remove("seal");
        request.put("seal", JsonSeals.sealRequest(request, key()));
        return request;
    }

    private static String key() {
        return FakePlatformServices.secretKey(MERCHANT);
    }

    private static Response postJson(String path, Map<String, Object> body) {
        try {
            return given().contentType("application/json").body(JSON.writeValueAsString(body)).post(path);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> answer(Response response) {
        try {
            return JSON.readValue(response.body().asString(), Map.class);
        } catch (Exception e) {
            throw new AssertionError("not a JSON answer: " + response.statusCode(), e);
        }
    }

    private static Response redirect(String redirectionUrl, String version, String data) {
        return given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("redirectionVersion", version).formParam("redirectionData", data)
                .post(URI.create(redirectionUrl).getPath());
    }

    private static String newReference() {
        return "J" + Long.toString(System.nanoTime(), 36) + ThreadLocalRandom.current().nextInt(1000, 9999);
    }

    private long storedCount(String reference) {
        return pool.preparedQuery("SELECT count(*) AS n FROM payment_request WHERE merchant_id = $1 AND transaction_reference = $2")
                .execute(Tuple.of(MERCHANT, reference)).await().atMost(Duration.ofSeconds(10))
                .iterator().next().getLong("n");
    }

    private String storedStatus(String reference) {
        return pool.preparedQuery("SELECT status FROM payment_request WHERE merchant_id = $1 AND transaction_reference = $2")
                .execute(Tuple.of(MERCHANT, reference)).await().atMost(Duration.ofSeconds(10))
                .iterator().next().getString("status");
    }

    private String storedField(String reference, String field) {
        return pool.preparedQuery("SELECT fields ->> $3 AS v FROM payment_request WHERE merchant_id = $1 AND transaction_reference = $2")
                .execute(Tuple.of(MERCHANT, reference, field)).await().atMost(Duration.ofSeconds(10))
                .iterator().next().getString("v");
    }
}
