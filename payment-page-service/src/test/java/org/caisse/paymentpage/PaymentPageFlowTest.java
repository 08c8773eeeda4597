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
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.caisse.paymentpage.support.FakePlatformServices;
import org.caisse.paymentpage.support.SipsSeals;
import org.caisse.paymentpage.support.TestMerchants;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(FakePlatformServices.class)
class PaymentPageFlowTest {

    private static boolean merchantsPublished;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    Pool pool;

    @ConfigProperty(name = "caisse.authorization.url")
    String fakeServicesUrl;

    @BeforeEach
    void merchantsAreKnown() {
        if (merchantsPublished) {
            return;
        }
        String hmac = TestMerchants.publish(TestMerchants.settings(TestMerchants.HMAC_ONLY, TestMerchants.SHOP_NAME, false), Instant.now());
        String legacy = TestMerchants.publish(TestMerchants.settings(TestMerchants.LEGACY_ALLOWED, "Legacy shop", true), Instant.now());
        String production = TestMerchants.publish(TestMerchants.settings(TestMerchants.PRODUCTION_MODE, "Live shop",
                false, "PRODUCTION"), Instant.now());
        TestMerchants.awaitStored(pool, TestMerchants.PRODUCTION_MODE, production);
        TestMerchants.awaitStored(pool, TestMerchants.HMAC_ONLY, hmac);
        TestMerchants.awaitStored(pool, TestMerchants.LEGACY_ALLOWED, legacy);
        merchantsPublished = true;
    }

    // ---------------------------------------------------------------- Paypage POST accepted

    @Test
    void sealedHmacPostIsStoredAndRedirectsToACardPageShowingShopAmountAndCsrfToken() {
        String reference = newReference();
        Response init = postHmac(fields(TestMerchants.HMAC_ONLY, reference), false);

        assertThat(init.statusCode()).isEqualTo(303);
        String location = init.header("Location");
        assertThat(location).matches(".*/payment/[0-9a-f-]{36}$");
        assertThat(storedCount(TestMerchants.HMAC_ONLY, reference)).isEqualTo(1);

        Response page = given().redirects().follow(false).get(URI.create(location).getPath());
        assertThat(page.statusCode()).isEqualTo(200);
        Document html = Jsoup.parse(page.body().asString());
        assertThat(html.selectFirst(".shop-name").text()).isEqualTo(TestMerchants.SHOP_NAME);
        assertThat(html.selectFirst(".amount").text().replaceAll("[\\u00a0\\u202f]", " ")).isEqualTo("10,50 €");
        assertThat(html.selectFirst("form.card-form input[name=csrf]").attr("value")).matches("[0-9a-f]{64}");
        assertThat(html.select("label[for=cardNumber]")).hasSize(1);
        assertThat(html.select("label[for=expiry]")).hasSize(1);
        assertThat(html.select("label[for=cvv]")).hasSize(1);
        assertThat(html.select("form.cancel-form")).hasSize(1);
        assertThat(html.select("script").eachAttr("src")).as("TEST mode: the card hint and the fill script")
                .containsExactly("/static/cardhint.js", "/static/testcards.js");
        assertThat(html.select(".test-cards input[name=cardNumber]").eachAttr("value"))
                .contains("5100000000000000", "4100000000000005", "4100000000000002");
    }

    @Test
    void everyPageCarriesTheSecurityHeadersWithTheMerchantOriginInFormAction() {
        String location = postHmac(fields(TestMerchants.HMAC_ONLY, newReference()), false).header("Location");
        Response page = given().get(URI.create(location).getPath());

        assertThat(page.header("Content-Security-Policy")).matches("default-src 'none'; "
                + "script-src 'nonce-[A-Za-z0-9+/=]{24}'; style-src 'self'; "
                + "img-src 'self' data:; form-action http://localhost:9999 'self'; frame-ancestors 'none'; base-uri 'none'");
        assertThat(page.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(page.header("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(page.header("Cache-Control")).isEqualTo("no-store");

        Response css = given().get("/static/paypage.css");
        assertThat(css.statusCode()).isEqualTo(200);
        assertThat(css.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(css.header("Content-Security-Policy")).contains("form-action 'self'");
    }

    @Test
    void customerLanguageEnglishRendersTheEnglishBundle() {
        Map<String, String> fields = fields(TestMerchants.HMAC_ONLY, newReference());
        fields.put("customerLanguage", "en");
        String location = postHmac(fields, false).header("Location");
        Document html = Jsoup.parse(given().get(URI.create(location).getPath()).body().asString());
        assertThat(html.selectFirst("html").attr("lang")).isEqualTo("en");
        assertThat(html.selectFirst("label[for=cardNumber]").text()).isEqualTo("Card number");
        assertThat(html.selectFirst(".amount").text()).isEqualTo("€10.50");
    }

    @Test
    void base64EncodedDataIsAcceptedWhenTheSealCoversTheBase64Text() {
        String reference = newReference();
        Response init = postHmac(fields(TestMerchants.HMAC_ONLY, reference), true);
        assertThat(init.statusCode()).isEqualTo(303);
        assertThat(storedCount(TestMerchants.HMAC_ONLY, reference)).isEqualTo(1);
    }

    @Test
    void legacySha256SealIsAcceptedForAMerchantThatAllowsIt() {
        String reference = newReference();
        String data = data(fields(TestMerchants.LEGACY_ALLOWED, reference));
        Response init = post(data, SipsSeals.sha256(data, FakePlatformServices.secretKey(TestMerchants.LEGACY_ALLOWED)),
                "HP_2.24", null, null);
        assertThat(init.statusCode()).isEqualTo(303);
        assertThat(storedCount(TestMerchants.LEGACY_ALLOWED, reference)).isEqualTo(1);
    }

    // ---------------------------------------------------------------- Paypage POST refused

    @Test
    void legacySha256SealIsRefusedWith34ForAnHmacOnlyMerchant() {
        String reference = newReference();
        String data = data(fields(TestMerchants.HMAC_ONLY, reference));
        Response init = post(data, SipsSeals.sha256(data, FakePlatformServices.secretKey(TestMerchants.HMAC_ONLY)),
                "HP_2.24", null, "SHA-256");
        assertRefused(init, 400, "34", null);
        assertThat(storedCount(TestMerchants.HMAC_ONLY, reference)).isZero();
    }

    @Test
    void wrongSealIsRefusedWith34AndNothingStored() {
        String reference = newReference();
        String data = data(fields(TestMerchants.HMAC_ONLY, reference));
        Response init = post(data, SipsSeals.hmacSha256("another key", data), "HP_2.24", null, "HMAC-SHA-256");
        assertRefused(init, 400, "34", null);
        assertThat(storedCount(TestMerchants.HMAC_ONLY, reference)).isZero();
    }

    @Test
    void unknownOrRevokedKeyVersionIsRefusedWith34() {
        for (String version : List.of("5", "2")) {
            String reference = newReference();
            Map<String, String> fields = fields(TestMerchants.HMAC_ONLY, reference);
            fields.put("keyVersion", version);
            assertRefused(postHmac(fields, false), 400, "34", null);
            assertThat(storedCount(TestMerchants.HMAC_ONLY, reference)).isZero();
        }
    }

    @Test
    void aTestKeyNeverSealsAProductionMerchantsRequest() {
        String refused = newReference();
        Map<String, String> withTestKey = fields(TestMerchants.PRODUCTION_MODE, refused);
        withTestKey.put("keyVersion", "1");
        assertRefused(postHmac(withTestKey, false), 400, "34", null);
        assertThat(storedCount(TestMerchants.PRODUCTION_MODE, refused)).as("nothing stored").isZero();

        String accepted = newReference();
        Map<String, String> withProductionKey = fields(TestMerchants.PRODUCTION_MODE, accepted);
        withProductionKey.put("keyVersion", "3");
        assertThat(postHmac(withProductionKey, false).statusCode()).isEqualTo(303);
        assertThat(storedCount(TestMerchants.PRODUCTION_MODE, accepted)).isEqualTo(1);
    }

    @Test
    void keyServiceFailureShowsTheUnavailablePage90() {
        String reference = newReference();
        Map<String, String> fields = fields(TestMerchants.HMAC_ONLY, reference);
        fields.put("keyVersion", "7");
        assertRefused(postHmac(fields, false), 503, "90", null);
        assertThat(storedCount(TestMerchants.HMAC_ONLY, reference)).isZero();
    }

    @Test
    void unknownMerchantIsRefusedWith03() {
        String merchant = TestMerchants.randomMerchantId('6');
        String reference = newReference();
        assertRefused(postHmac(fields(merchant, reference), false), 400, "03", null);
        assertThat(storedCount(merchant, reference)).isZero();
    }

    @Test
    void malformedDataIsRefusedWith30NamingTheField() {
        String reference = newReference();
        String data = data(fields(TestMerchants.HMAC_ONLY, reference)) + "|amount=2000";
        Response init = post(data, SipsSeals.hmacSha256(FakePlatformServices.secretKey(TestMerchants.HMAC_ONLY), data),
                "HP_2.24", null, "HMAC-SHA-256");
        assertRefused(init, 400, "30", "amount");
        assertThat(storedCount(TestMerchants.HMAC_ONLY, reference)).isZero();
    }

    @Test
    void badBase64IsRefusedWith30OnData() {
        assertRefused(post("%%%not base64%%%", "00", "HP_2.24", "base64", "HMAC-SHA-256"), 400, "30", "Data");
    }

    @Test
    void missingRequiredFieldIsRefusedWith30NamingTheField() {
        String reference = newReference();
        Map<String, String> fields = fields(TestMerchants.HMAC_ONLY, reference);
        fields.remove("currencyCode");
        assertRefused(postHmac(fields, false), 400, "30", "currencyCode");
        assertThat(storedCount(TestMerchants.HMAC_ONLY, reference)).isZero();
    }

    @Test
    void badRequiredFieldFormatsAreRefusedWith30NamingTheField() {
        Map<String, String> bad = Map.of("amount", "-5", "currencyCode", "999", "transactionReference", "ref-with-dash",
                "merchantId", "12345");
        for (var entry : bad.entrySet()) {
            Map<String, String> fields = fields(TestMerchants.HMAC_ONLY, newReference());
            fields.put(entry.getKey(), entry.getValue());
            assertRefused(postHmac(fields, false), 400, "30", entry.getKey());
        }
    }

    @Test
    void badOptionalFieldsAreRefusedWith30NamingTheField() {
        Map<String, String> bad = Map.of("captureMode", "LATER", "captureDay", "100", "orderChannel", "PIGEON",
                "customerLanguage", "french", "paymentMeanBrandList", "VISA,<b>");
        for (var entry : bad.entrySet()) {
            String reference = newReference();
            Map<String, String> fields = fields(TestMerchants.HMAC_ONLY, reference);
            fields.put(entry.getKey(), entry.getValue());
            assertRefused(postHmac(fields, false), 400, "30", entry.getKey());
            assertThat(storedCount(TestMerchants.HMAC_ONLY, reference)).isZero();
        }
    }

    @Test
    void currencyOutsideTheMerchantsCurrenciesIsRefusedWith30AndNothingStored() {
        String reference = newReference();
        Map<String, String> fields = fields(TestMerchants.HMAC_ONLY, reference);
        fields.put("currencyCode", "826"); // GBP: a real currency the test merchant does not accept
        assertRefused(postHmac(fields, false), 400, "30", "currencyCode");
        assertThat(storedCount(TestMerchants.HMAC_ONLY, reference)).isZero();
    }

    @Test
    void amountTamperedAfterSealingIsRefusedWith34() {
        String reference = newReference();
        String data = data(fields(TestMerchants.HMAC_ONLY, reference));
        String seal = SipsSeals.hmacSha256(FakePlatformServices.secretKey(TestMerchants.HMAC_ONLY), data);
        Response init = post(data.replace("amount=1050", "amount=1"), seal, "HP_2.24", null, "HMAC-SHA-256");
        assertRefused(init, 400, "34", null);
        assertThat(storedCount(TestMerchants.HMAC_ONLY, reference)).isZero();
    }

    @Test
    void returnUrlOfAnotherHostOrJavascriptIsRefusedWith30() {
        for (String url : List.of("http://evil.example.com/return", "javascript:alert(1)")) {
            String reference = newReference();
            Map<String, String> fields = fields(TestMerchants.HMAC_ONLY, reference);
            fields.put("normalReturnUrl", url);
            Response init = postHmac(fields, false);
            assertRefused(init, 400, "30", "normalReturnUrl");
            assertThat(init.body().asString()).doesNotContain("evil.example.com").doesNotContain("alert(1)");
            assertThat(storedCount(TestMerchants.HMAC_ONLY, reference)).isZero();
        }
        Map<String, String> fields = fields(TestMerchants.HMAC_ONLY, newReference());
        fields.put("automaticResponseUrl", "https://evil.example.com/notify");
        assertRefused(postHmac(fields, false), 400, "30", "automaticResponseUrl");
    }

    @Test
    void replayedTransactionReferenceIsRefusedWith94AndStoredOnce() {
        String reference = newReference();
        assertThat(postHmac(fields(TestMerchants.HMAC_ONLY, reference), false).statusCode()).isEqualTo(303);
        assertRefused(postHmac(fields(TestMerchants.HMAC_ONLY, reference), false), 400, "94", null);
        assertThat(storedCount(TestMerchants.HMAC_ONLY, reference)).isEqualTo(1);
    }

    @Test
    void interfaceVersionWithoutHpPrefixOrBelow2IsRefusedWith30() {
        for (String version : List.of("IR_WS_2.20", "HP_1.0", "")) {
            String reference = newReference();
            String data = data(fields(TestMerchants.HMAC_ONLY, reference));
            Response init = post(data, SipsSeals.hmacSha256(FakePlatformServices.secretKey(TestMerchants.HMAC_ONLY), data),
                    version, null, "HMAC-SHA-256");
            assertRefused(init, 400, "30", "InterfaceVersion");
            assertThat(storedCount(TestMerchants.HMAC_ONLY, reference)).isZero();
        }
    }

    @Test
    void oversizedBodyIsRefusedWith413AndNothingStored() {
        String reference = newReference();
        Map<String, String> fields = fields(TestMerchants.HMAC_ONLY, reference);
        fields.put("returnContext", "x".repeat(70 * 1024));
        Response init = postHmac(fields, false);
        assertThat(init.statusCode()).isEqualTo(413);
        assertThat(storedCount(TestMerchants.HMAC_ONLY, reference)).isZero();
    }

    // ---------------------------------------------------------------- card step

    @Test
    void cardPostWithoutOrWithAWrongCsrfTokenIsForbiddenAndAuthorizesNothing() throws Exception {
        String reference = newReference();
        String path = paymentPath(postHmac(fields(TestMerchants.HMAC_ONLY, reference), false));
        int before = authorizationsFor(reference).size();

        Response missing = given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("cardNumber", "5100000000000000").formParam("expiry", "12/35").formParam("cvv", "123")
                .post(path + "/card");
        Response wrong = cardPost(path, "0".repeat(64), "5100000000000000");

        assertThat(missing.statusCode()).isEqualTo(403);
        assertThat(wrong.statusCode()).isEqualTo(403);
        assertThat(authorizationsFor(reference)).hasSize(before);
        assertThat(status(reference)).isEqualTo("PENDING");
    }

    @Test
    @SuppressWarnings("unchecked")
    void acceptedCardGivesATicketWhoseBackToShopFormCarriesAnHmacSealedResponse() throws Exception {
        String reference = newReference();
        String path = paymentPath(postHmac(fields(TestMerchants.HMAC_ONLY, reference), false));
        String csrf = csrfOf(path);

        Response card = cardPost(path, csrf, "5100000000000000");
        assertThat(card.statusCode()).isEqualTo(303);
        assertThat(card.header("Location")).endsWith(path + "/ticket");

        Response ticket = given().get(path + "/ticket");
        assertThat(ticket.statusCode()).isEqualTo(200);
        assertThat(ticket.header("Content-Security-Policy")).contains("form-action http://localhost:9999 'self'");
        String body = ticket.body().asString();
        assertThat(body).doesNotContain("5100000000000000");
        Document html = Jsoup.parse(body);
        assertThat(html.selectFirst(".outcome").hasClass("outcome-ACCEPTED")).isTrue();
        assertThat(html.selectFirst(".masked-pan").text()).isEqualTo("5100##########00");
        Element form = html.selectFirst("form.back-to-shop");
        assertThat(form.attr("action")).isEqualTo("http://localhost:9999/return?shop=1");
        assertThat(form.attr("method")).isEqualTo("post");
        String data = form.selectFirst("input[name=Data]").attr("value");
        String seal = form.selectFirst("input[name=Seal]").attr("value");
        assertThat(seal).isEqualTo(SipsSeals.hmacSha256(FakePlatformServices.secretKey(TestMerchants.HMAC_ONLY), data));
        assertThat(form.selectFirst("input[name=InterfaceVersion]").attr("value")).isEqualTo("HP_2.24");
        assertThat(form.selectFirst("input[name=Encode]").attr("value")).isEmpty();
        Map<String, String> response = parseData(data);
        assertThat(response).containsEntry("responseCode", "00")
                .containsEntry("merchantId", TestMerchants.HMAC_ONLY)
                .containsEntry("transactionReference", reference)
                .containsEntry("amount", "1050")
                .containsEntry("keyVersion", "1")
                .containsEntry("orderId", "ORDER-42");
        assertThat(data).doesNotContain("5100000000000000");

        List<Map<String, Object>> calls = authorizationsFor(reference);
        assertThat(calls).hasSize(1);
        Map<String, Object> call = calls.get(0);
        assertThat(call.get("tokenAudience")).isEqualTo("authorization-service");
        assertThat((Map<String, Object>) call.get("notification"))
                .containsEntry("automaticResponseUrl", "http://127.0.0.1:9998/notify")
                .containsEntry("keyVersion", 1)
                .containsEntry("sealAlgorithm", "HMAC-SHA-256")
                .containsEntry("interfaceVersion", "HP_2.24");
        assertThat(((Map<?, ?>) call.get("card")).get("expiryDate")).asString().matches("20\\d{4}");
        assertThat(status(reference)).isEqualTo("COMPLETED");
        assertThat(storedRow(reference)).doesNotContain("5100000000000000").doesNotContain("\"123\"");
    }

    @Test
    void secondCardSubmissionShowsTheTicketAndNeverAuthorizesTwice() throws Exception {
        String reference = newReference();
        String path = paymentPath(postHmac(fields(TestMerchants.HMAC_ONLY, reference), false));
        String csrf = csrfOf(path);
        assertThat(cardPost(path, csrf, "4100000000000005").statusCode()).isEqualTo(303);

        Response again = cardPost(path, csrf, "5100000000000000");
        assertThat(again.statusCode()).isEqualTo(303);
        assertThat(again.header("Location")).endsWith("/ticket");
        assertThat(authorizationsFor(reference)).hasSize(1);
        Document ticket = Jsoup.parse(given().get(path + "/ticket").body().asString());
        assertThat(ticket.selectFirst(".outcome").hasClass("outcome-REFUSED")).isTrue();
        assertThat(ticket.selectFirst(".response-code").text()).isEqualTo("05");
    }

    @Test
    void referralCardShowsTheReferralTicket() {
        String path = paymentPath(postHmac(fields(TestMerchants.HMAC_ONLY, newReference()), false));
        cardPost(path, csrfOf(path), "4100000000000002");
        Document ticket = Jsoup.parse(given().get(path + "/ticket").body().asString());
        assertThat(ticket.selectFirst(".outcome").hasClass("outcome-REFERRAL")).isTrue();
    }

    @Test
    void authorizationErrorAfterTheTransactionWasCommittedGivesTheCommittedOutcomeNot90() {
        String path = paymentPath(postHmac(fields(TestMerchants.HMAC_ONLY, newReference()), false));
        cardPost(path, csrfOf(path), "4100000000000099");
        Document ticket = Jsoup.parse(given().get(path + "/ticket").body().asString());
        assertThat(ticket.selectFirst(".outcome").hasClass("outcome-ACCEPTED")).isTrue();
        Map<String, String> data = parseData(ticket.selectFirst("input[name=Data]").attr("value"));
        assertThat(data).containsEntry("responseCode", "00").containsEntry("authorisationId", "123456");
    }

    @Test
    void authorizationErrorForATransactionKnownNotToExistGivesTheUnavailableTicket90() {
        String path = paymentPath(postHmac(fields(TestMerchants.HMAC_ONLY, newReference()), false));
        cardPost(path, csrfOf(path), "4100000000000098");
        Document ticket = Jsoup.parse(given().get(path + "/ticket").body().asString());
        assertThat(ticket.selectFirst(".outcome").hasClass("outcome-UNAVAILABLE")).isTrue();
        assertThat(parseData(ticket.selectFirst("input[name=Data]").attr("value"))).containsEntry("responseCode", "90");
    }

    @Test
    void authorizationErrorWhoseTransactionCannotBeLookedUpStaysProcessingWithoutAResponse() {
        String reference = newReference();
        String path = paymentPath(postHmac(fields(TestMerchants.HMAC_ONLY, reference), false));
        cardPost(path, csrfOf(path), "4100000000000096");
        Response page = given().get(path + "/ticket");
        Document ticket = Jsoup.parse(page.body().asString());
        assertThat(ticket.selectFirst(".outcome").hasClass("outcome-PROCESSING")).isTrue();
        assertThat(ticket.select("input[name=Data]")).isEmpty();
        assertThat(status(reference)).isEqualTo("AUTHORIZING");
    }

    @Test
    void processingTicketRefreshesItselfEveryThreeSecondsAndTheCspAllowsIt() {
        String path = paymentPath(postHmac(fields(TestMerchants.HMAC_ONLY, newReference()), false));
        cardPost(path, csrfOf(path), "4100000000000096");
        Response page = given().get(path + "/ticket");
        Document ticket = Jsoup.parse(page.body().asString());
        assertThat(ticket.select("head meta[http-equiv=refresh]").attr("content")).isEqualTo("3");
        // CSP governs fetches, not a meta refresh to the same page; it must not add a sandbox that would stop it
        assertThat(page.header("Content-Security-Policy")).doesNotContain("sandbox");
    }

    @Test
    void finishedTicketDoesNotRefresh() {
        String path = paymentPath(postHmac(fields(TestMerchants.HMAC_ONLY, newReference()), false));
        cardPost(path, csrfOf(path), "5100000000000000");
        Document ticket = Jsoup.parse(given().get(path + "/ticket").body().asString());
        assertThat(ticket.select("meta[http-equiv=refresh]")).isEmpty();
    }

    @Test
    void requestStuckInAuthorizingIsCompletedWithTheTransactionFoundOnTheNextTicket() throws Exception {
        String reference = newReference();
        String path = paymentPath(postHmac(fields(TestMerchants.HMAC_ONLY, reference), false));
        cardPost(path, csrfOf(path), "4100000000000096");
        Map<String, Object> committed = new LinkedHashMap<>(Map.of("merchantId", TestMerchants.HMAC_ONLY,
                "transactionReference", reference, "amount", 1050, "currencyCode", "978", "status", "TO_CAPTURE",
                "responseCode", "00", "authorisationId", "654321", "maskedPan", "4100##########96"));
        storeFakeTransaction(TestMerchants.HMAC_ONLY, reference, committed);

        Document young = Jsoup.parse(given().get(path + "/ticket").body().asString());
        assertThat(young.selectFirst(".outcome").hasClass("outcome-PROCESSING")).as("not past the timeout yet").isTrue();

        authorizingSinceAnHourAgo(reference);
        Document ticket = Jsoup.parse(given().get(path + "/ticket").body().asString());
        assertThat(ticket.selectFirst(".outcome").hasClass("outcome-ACCEPTED")).isTrue();
        assertThat(parseData(ticket.selectFirst("input[name=Data]").attr("value")))
                .containsEntry("responseCode", "00").containsEntry("authorisationId", "654321");
        assertThat(status(reference)).isEqualTo("COMPLETED");
    }

    @Test
    void requestStuckInAuthorizingWhoseTransactionDoesNotExistEndsWith90() {
        String reference = newReference();
        String path = paymentPath(postHmac(fields(TestMerchants.HMAC_ONLY, reference), false));
        pool.preparedQuery("UPDATE payment_request SET status = 'AUTHORIZING' WHERE transaction_reference = $1")
                .execute(Tuple.of(reference)).await().atMost(Duration.ofSeconds(10));
        authorizingSinceAnHourAgo(reference);
        Document ticket = Jsoup.parse(given().get(path + "/ticket").body().asString());
        assertThat(ticket.selectFirst(".outcome").hasClass("outcome-UNAVAILABLE")).isTrue();
        assertThat(parseData(ticket.selectFirst("input[name=Data]").attr("value"))).containsEntry("responseCode", "90");
    }

    @Test
    void requestStuckInAuthorizingStaysProcessingWhileTheLookupFails() {
        String reference = newReference();
        String path = paymentPath(postHmac(fields(TestMerchants.HMAC_ONLY, reference), false));
        cardPost(path, csrfOf(path), "4100000000000096");
        authorizingSinceAnHourAgo(reference);
        Document ticket = Jsoup.parse(given().get(path + "/ticket").body().asString());
        assertThat(ticket.selectFirst(".outcome").hasClass("outcome-PROCESSING")).isTrue();
        assertThat(status(reference)).isEqualTo("AUTHORIZING");
    }

    @Test
    void authorizationServiceRefusingTheRequestContentGivesResponseCode12() {
        String reference = newReference();
        String path = paymentPath(postHmac(fields(TestMerchants.HMAC_ONLY, reference), false));
        cardPost(path, csrfOf(path), "4100000000000097");
        Document ticket = Jsoup.parse(given().get(path + "/ticket").body().asString());
        assertThat(ticket.selectFirst(".response-code").text()).isEqualTo("12");
        assertThat(parseData(ticket.selectFirst("input[name=Data]").attr("value"))).containsEntry("responseCode", "12");
        assertThat(status(reference)).isEqualTo("COMPLETED");
    }

    @Test
    void invalidCardEntryRedisplaysTheFormWithoutCallingAuthorization() throws Exception {
        String reference = newReference();
        String path = paymentPath(postHmac(fields(TestMerchants.HMAC_ONLY, reference), false));
        Response bad = given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("csrf", csrfOf(path)).formParam("cardNumber", "5100000000000000")
                .formParam("expiry", "13/99").formParam("cvv", "123").post(path + "/card");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(bad.body().asString()).select("#card-error")).hasSize(1);
        assertThat(authorizationsFor(reference)).isEmpty();
        assertThat(status(reference)).isEqualTo("PENDING");
    }

    @Test
    void cancelGivesATicketWithResponseCode17() {
        String path = paymentPath(postHmac(fields(TestMerchants.HMAC_ONLY, newReference()), false));
        Response cancel = given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("csrf", csrfOf(path)).post(path + "/cancel");
        assertThat(cancel.statusCode()).isEqualTo(303);
        Document ticket = Jsoup.parse(given().get(path + "/ticket").body().asString());
        assertThat(ticket.selectFirst(".outcome").hasClass("outcome-CANCELLED")).isTrue();
        String data = ticket.selectFirst("input[name=Data]").attr("value");
        assertThat(parseData(data)).containsEntry("responseCode", "17");
        assertThat(ticket.selectFirst("input[name=Seal]").attr("value"))
                .isEqualTo(SipsSeals.hmacSha256(FakePlatformServices.secretKey(TestMerchants.HMAC_ONLY), data));
    }

    @Test
    void expiredSessionGivesTicket97WithoutAuthorization() throws Exception {
        String reference = newReference();
        String path = paymentPath(postHmac(fields(TestMerchants.HMAC_ONLY, reference), false));
        String csrf = csrfOf(path);
        pool.preparedQuery("UPDATE payment_request SET expires_at = now() - interval '1 minute' "
                        + "WHERE merchant_id = $1 AND transaction_reference = $2")
                .execute(Tuple.of(TestMerchants.HMAC_ONLY, reference)).await().atMost(Duration.ofSeconds(10));

        Response card = cardPost(path, csrf, "5100000000000000");
        assertThat(card.statusCode()).isEqualTo(303);
        Document ticket = Jsoup.parse(given().get(path + "/ticket").body().asString());
        assertThat(ticket.selectFirst(".outcome").hasClass("outcome-EXPIRED")).isTrue();
        assertThat(parseData(ticket.selectFirst("input[name=Data]").attr("value"))).containsEntry("responseCode", "97");
        assertThat(authorizationsFor(reference)).isEmpty();
    }

    @Test
    void base64ResponseEncodingAndLegacySealAreUsedForTheReturn() {
        String reference = newReference();
        Map<String, String> fields = fields(TestMerchants.LEGACY_ALLOWED, reference);
        fields.put("responseEncoding", "base64");
        String data = data(fields);
        String key = FakePlatformServices.secretKey(TestMerchants.LEGACY_ALLOWED);
        String path = paymentPath(post(data, SipsSeals.sha256(data, key), "HP_2.24", null, null));
        cardPost(path, csrfOf(path), "5100000000000000");

        Element form = Jsoup.parse(given().get(path + "/ticket").body().asString()).selectFirst("form.back-to-shop");
        String sent = form.selectFirst("input[name=Data]").attr("value");
        assertThat(form.selectFirst("input[name=Encode]").attr("value")).isEqualTo("base64");
        assertThat(form.selectFirst("input[name=Seal]").attr("value")).isEqualTo(SipsSeals.sha256(sent, key));
        String decoded = new String(Base64.getDecoder().decode(sent), StandardCharsets.UTF_8);
        assertThat(parseData(decoded)).containsEntry("responseCode", "00").containsEntry("transactionReference", reference);
    }

    @Test
    void scriptInOrderIdAndReturnContextIsRenderedInertOnTheTicket() {
        Map<String, String> fields = fields(TestMerchants.HMAC_ONLY, newReference());
        fields.put("orderId", "<script>alert(1)</script>");
        fields.put("returnContext", "\"><img src=x onerror=alert(2)><script>alert(3)</script>");
        String path = paymentPath(postHmac(fields, false));
        given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("csrf", csrfOf(path)).post(path + "/cancel");

        String body = given().get(path + "/ticket").body().asString();
        assertThat(body).doesNotContain("<script").doesNotContain("<img");
        Document html = Jsoup.parse(body);
        assertThat(html.select("script")).isEmpty();
        assertThat(html.select("img")).isEmpty();
        Map<String, String> response = parseData(html.selectFirst("input[name=Data]").attr("value"));
        assertThat(response).containsEntry("orderId", "<script>alert(1)</script>")
                .containsEntry("returnContext", "\"><img src=x onerror=alert(2)><script>alert(3)</script>");
    }

    @Test
    void multipartPaymentInitAnswersA415PageNotABlankBody() {
        Response response = given().redirects().follow(false).multiPart("Data", "amount=1").post("/paymentInit");
        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(response.contentType()).startsWith("text/html");
        Document html = Jsoup.parse(response.body().asString());
        assertThat(html.selectFirst("h1").text()).isNotBlank();
        assertThat(response.body().asString()).doesNotContain("Exception");
    }

    @Test
    void wrongMethodAnswersA405PageNotABlankBody() {
        Response response = given().redirects().follow(false).header("Accept-Language", "en").put("/paymentInit");
        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.contentType()).startsWith("text/html");
        assertThat(Jsoup.parse(response.body().asString()).selectFirst("h1").text()).isEqualTo("Request not accepted");
    }

    @Test
    void unknownPaymentIdsAnswer404Pages() {
        assertThat(given().get("/payment/" + UUID.randomUUID()).statusCode()).isEqualTo(404);
        assertThat(given().get("/payment/" + UUID.randomUUID() + "/ticket").statusCode()).isEqualTo(404);
        Response notAnId = given().get("/payment/not-an-id/ticket");
        assertThat(notAnId.statusCode()).isEqualTo(404);
        assertThat(notAnId.contentType()).startsWith("text/html");
    }

    // ---------------------------------------------------------------- helpers

    private static String newReference() {
        return "T" + Long.toString(System.nanoTime(), 36) + ThreadLocalRandom.current().nextInt(1000, 9999);
    }

    private static Map<String, String> fields(String merchantId, String reference) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("amount", "1050");
        fields.put("currencyCode", "978");
        fields.put("merchantId", merchantId);
        fields.put("normalReturnUrl", "http://localhost:9999/return?shop=1");
        fields.put("automaticResponseUrl", "http://127.0.0.1:9998/notify");
        fields.put("transactionReference", reference);
        fields.put("keyVersion", "1");
        fields.put("orderId", "ORDER-42");
        fields.put("captureMode", "AUTHOR_CAPTURE");
        fields.put("captureDay", "0");
        return fields;
    }

    private static String data(Map<String, String> fields) {
        return fields.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("|"));
    }

    private static Response postHmac(Map<String, String> fields, boolean base64) {
        String data = data(fields);
        if (base64) {
            data = Base64.getEncoder().encodeToString(data.getBytes(StandardCharsets.UTF_8));
        }
        String key = FakePlatformServices.secretKey(fields.get("merchantId"));
        return post(data, SipsSeals.hmacSha256(key, data), "HP_2.24", base64 ? "base64" : null, "HMAC-SHA-256");
    }

    private static Response post(String data, String seal, String interfaceVersion, String encode, String sealAlgorithm) {
        var request = given().redirects().follow(false)
                .contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParam("Data", data).formParam("Seal", seal).formParam("InterfaceVersion", interfaceVersion);
        if (encode != null) {
            request.formParam("Encode", encode);
        }
        if (sealAlgorithm != null) {
            request.formParam("SealAlgorithm", sealAlgorithm);
        }
        return request.post("/paymentInit");
    }

    private static void assertRefused(Response response, int status, String code, String field) {
        assertThat(response.statusCode()).isEqualTo(status);
        Document html = Jsoup.parse(response.body().asString());
        assertThat(html.selectFirst(".response-code").text()).isEqualTo(code);
        assertThat(html.selectFirst(".meaning").text()).isNotBlank();
        if (field == null) {
            assertThat(html.select(".error-field")).isEmpty();
        } else {
            assertThat(html.selectFirst(".error-field").text()).isEqualTo(field);
        }
    }

    private static String paymentPath(Response init) {
        assertThat(init.statusCode()).isEqualTo(303);
        return URI.create(init.header("Location")).getPath();
    }

    private static String csrfOf(String path) {
        return Jsoup.parse(given().get(path).body().asString()).selectFirst("form.card-form input[name=csrf]").attr("value");
    }

    private static Response cardPost(String path, String csrf, String number) {
        return given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("csrf", csrf).formParam("cardNumber", number).formParam("expiry", "12/35")
                .formParam("cvv", "123").post(path + "/card");
    }

    private static Map<String, String> parseData(String data) {
        Map<String, String> map = new LinkedHashMap<>();
        for (String pair : data.split("\\|")) {
            int eq = pair.indexOf('=');
            map.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
        return map;
    }

    private long storedCount(String merchantId, String reference) {
        return pool.preparedQuery("SELECT count(*) AS n FROM payment_request WHERE merchant_id = $1 AND transaction_reference = $2")
                .execute(Tuple.of(merchantId, reference)).await().atMost(Duration.ofSeconds(10))
                .iterator().next().getLong("n");
    }

    private String status(String reference) {
        return pool.preparedQuery("SELECT status FROM payment_request WHERE transaction_reference = $1")
                .execute(Tuple.of(reference)).await().atMost(Duration.ofSeconds(10))
                .iterator().next().getString("status");
    }

    private void authorizingSinceAnHourAgo(String reference) {
        pool.preparedQuery("UPDATE payment_request SET authorizing_since = now() - interval '1 hour' WHERE transaction_reference = $1")
                .execute(Tuple.of(reference)).await().atMost(Duration.ofSeconds(10));
    }

    private void storeFakeTransaction(String merchantId, String reference, Map<String, Object> snapshot) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(fakeServicesUrl + "/test/transactions/" + merchantId + "/" + reference))
                        .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(snapshot))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
    }

    private String storedRow(String reference) {
        return pool.preparedQuery("SELECT row_to_json(p)::text AS j FROM payment_request p WHERE transaction_reference = $1")
                .execute(Tuple.of(reference)).await().atMost(Duration.ofSeconds(10))
                .iterator().next().getString("j");
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> authorizationsFor(String reference) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(fakeServicesUrl + "/test/authorizations")).build(),
                HttpResponse.BodyHandlers.ofString());
        Map<String, Object> body = JSON.readValue(response.body(), Map.class);
        return ((List<Map<String, Object>>) body.get("authorizations")).stream()
                .filter(a -> reference.equals(a.get("transactionReference")))
                .toList();
    }
}
