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
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.caisse.paymentpage.support.FakePlatformServices;
import org.caisse.paymentpage.support.SipsSeals;
import org.caisse.paymentpage.support.TestMerchants;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The 3-D Secure step (information page, simulated ACS, exactly-once result), the brand choice, the ticket of each
 * outcome and the merchant-rendered ticket, against the real PostgreSQL and Kafka and the fake authorization-service.
 */
@QuarkusTest
@WithTestResource(FakePlatformServices.class)
class ThreeDSecureBrandsAndTicketsTest {

    /** Fake scenario 60 (digits 7-8): challenge; last two digits: the acquirer's answer after the challenge. */
    private static final String CHALLENGE_APPROVED = "4100006000000000";
    private static final String CHALLENGE_REFUSED = "4100006000000005";
    private static final String CHALLENGE_EXPIRED_AT_SERVICE = "4100006097000000";
    private static final String CHALLENGE_ANSWER_LOST = "4100006095000000";

    private static final String TEST_MERCHANT = TestMerchants.randomMerchantId('3');
    private static final String LIVE_MERCHANT = TestMerchants.randomMerchantId('2');
    private static final ObjectMapper JSON = new ObjectMapper();
    private static boolean merchantsPublished;

    @Inject
    Pool pool;

    @ConfigProperty(name = "caisse.authorization.url")
    String fakeServicesUrl;

    @BeforeEach
    void merchantsAreKnown() {
        if (merchantsPublished) {
            return;
        }
        String test = TestMerchants.publish(TestMerchants.settings(TEST_MERCHANT, "Test shop", false), Instant.now());
        String live = TestMerchants.publish(TestMerchants.settings(LIVE_MERCHANT, "Live shop", false, "PRODUCTION"),
                Instant.now());
        TestMerchants.awaitStored(pool, TEST_MERCHANT, test);
        TestMerchants.awaitStored(pool, LIVE_MERCHANT, live);
        merchantsPublished = true;
    }

    // ---------------------------------------------------------------- 3-D Secure

    @Test
    void aChallengeLeadsThroughTheInformationPageAndTheAcsToAnAcceptedTicket() throws Exception {
        Map<String, String> fields = fields(TEST_MERCHANT, "1");
        String path = paymentPath(fields);
        String csrf = csrfOf(path);

        Response card = cardPost(path, csrf, CHALLENGE_APPROVED, null);
        assertThat(card.statusCode()).isEqualTo(303);
        assertThat(URI.create(card.header("Location")).getPath()).isEqualTo(path + "/3ds");
        assertThat(status(reference(fields))).isEqualTo("AUTHENTICATING");
        Map<String, Object> sent = authorizationsFor(reference(fields)).getFirst();
        assertThat(sent.get("threeDSecure")).isEqualTo(Map.of("challengeCapable", true));
        assertThat(storedRow(reference(fields))).doesNotContain(CHALLENGE_APPROVED).doesNotContain("\"123\"");

        Response info = given().redirects().follow(false).get(path + "/3ds");
        assertThat(info.statusCode()).isEqualTo(200);
        Document infoPage = Jsoup.parse(info.body().asString());
        assertThat(infoPage.selectFirst(".three-ds-intro").text()).contains("3-D Secure");
        assertThat(infoPage.selectFirst(".shop-name").text()).isEqualTo("Test shop");
        assertThat(spaces(infoPage.selectFirst(".amount").text())).isEqualTo("10,50 €");
        assertThat(infoPage.selectFirst("form.three-ds-form").attr("action")).isEqualTo(path + "/3ds");
        assertThat(infoPage.selectFirst("form.three-ds-form input[name=csrf]").attr("value")).isEqualTo(csrf);
        assertThat(given().redirects().follow(false).get(path + "/ticket").header("Location"))
                .as("the ticket of a request at the 3-D Secure step sends back to it").endsWith(path + "/3ds");

        Response toAcs = post(path + "/3ds", Map.of("csrf", csrf));
        assertThat(toAcs.statusCode()).isEqualTo(303);
        assertThat(URI.create(toAcs.header("Location")).getPath()).isEqualTo(path + "/acs");

        Document acs = Jsoup.parse(given().get(path + "/acs").body().asString());
        assertThat(acs.select("form input[name=outcome]").eachAttr("value"))
                .containsExactly("SUCCESS", "ATTEMPT", "FAILURE", "CANCELLED", "ERROR");
        assertThat(acs.select("form input[name=csrf]").eachAttr("value")).containsOnly(csrf);
        assertThat(acs.select(".acs-outcome-text").eachText()).hasSize(5).doesNotHaveDuplicates()
                .allSatisfy(text -> assertThat(text).isNotBlank());

        Response done = post(path + "/acs", Map.of("csrf", csrf, "outcome", "SUCCESS"));
        assertThat(done.statusCode()).isEqualTo(303);
        assertThat(URI.create(done.header("Location")).getPath()).isEqualTo(path + "/ticket");
        Document ticket = ticket(path);
        assertThat(ticket.selectFirst("h1").className()).contains("outcome-ACCEPTED");
        assertThat(ticket.selectFirst(".response-code").text()).isEqualTo("00");
        assertThat(ticket.select("form.back-to-shop input[name=Seal]")).hasSize(1);
        assertThat(status(reference(fields))).isEqualTo("COMPLETED");

        List<Map<String, Object>> calls = authenticationCallsFor(TEST_MERCHANT);
        assertThat(calls).filteredOn(c -> "SUCCESS".equals(c.get("outcome"))).isNotEmpty();
        Map<String, Object> call = calls.stream().filter(c -> c.get("authenticationId").equals(
                authenticationIdOf(reference(fields)))).findFirst().orElseThrow();
        assertThat(call).doesNotContainKey("cscValue").containsEntry("merchantId", TEST_MERCHANT)
                .containsEntry("tokenAudience", "authorization-service");
    }

    @ParameterizedTest
    @CsvSource({
            "FAILURE,   " + CHALLENGE_APPROVED + ", 05, AUTHENTICATION_FAILED",
            "CANCELLED, " + CHALLENGE_APPROVED + ", 17, CANCELLED",
            "ATTEMPT,   " + CHALLENGE_REFUSED + ",  05, REFUSED",
            "ERROR,     " + CHALLENGE_APPROVED + ", 00, ACCEPTED"})
    void eachAcsOutcomeEndsAsAuthorizationServiceDecides(String outcome, String number, String code, String ticketOutcome) {
        String path = challenged(fields(TEST_MERCHANT, "1"), number);
        String csrf = csrfOf3ds(path);
        assertThat(post(path + "/acs", Map.of("csrf", csrf, "outcome", outcome)).statusCode()).isEqualTo(303);
        Document ticket = ticket(path);
        assertThat(ticket.selectFirst(".response-code").text()).isEqualTo(code);
        assertThat(ticket.selectFirst("h1").className()).contains("outcome-" + ticketOutcome);
    }

    @Test
    void twoAcsPostsAtOnceCallAuthorizationServiceOnce() throws Exception {
        Map<String, String> fields = fields(TEST_MERCHANT, "1");
        String path = challenged(fields, CHALLENGE_APPROVED);
        String csrf = csrfOf3ds(path);
        String authenticationId = authenticationIdOf(reference(fields));

        var first = CompletableFuture.supplyAsync(() -> post(path + "/acs", Map.of("csrf", csrf, "outcome", "SUCCESS")));
        var second = CompletableFuture.supplyAsync(() -> post(path + "/acs", Map.of("csrf", csrf, "outcome", "FAILURE")));
        assertThat(first.get().statusCode()).isEqualTo(303);
        assertThat(second.get().statusCode()).isEqualTo(303);
        Response third = post(path + "/acs", Map.of("csrf", csrf, "outcome", "FAILURE"));
        assertThat(third.header("Location")).endsWith(path + "/ticket");

        assertThat(authenticationCallsFor(TEST_MERCHANT))
                .filteredOn(c -> authenticationId.equals(c.get("authenticationId"))).hasSize(1);
        assertThat(ticket(path).selectFirst(".response-code").text()).isIn("00", "05");
    }

    @Test
    void aMissingOrWrongCsrfTokenOnThe3dsStepsIs403AndChangesNothing() throws Exception {
        Map<String, String> fields = fields(TEST_MERCHANT, "1");
        String path = challenged(fields, CHALLENGE_APPROVED);
        String authenticationId = authenticationIdOf(reference(fields));

        assertThat(post(path + "/3ds", Map.of()).statusCode()).isEqualTo(403);
        assertThat(post(path + "/3ds", Map.of("csrf", "0".repeat(64))).statusCode()).isEqualTo(403);
        assertThat(post(path + "/acs", Map.of("outcome", "SUCCESS")).statusCode()).isEqualTo(403);
        assertThat(post(path + "/acs", Map.of("csrf", "0".repeat(64), "outcome", "SUCCESS")).statusCode()).isEqualTo(403);

        assertThat(status(reference(fields))).isEqualTo("AUTHENTICATING");
        assertThat(authenticationCallsFor(TEST_MERCHANT))
                .filteredOn(c -> authenticationId.equals(c.get("authenticationId"))).isEmpty();
        assertThat(post(path + "/acs", Map.of("csrf", csrfOf3ds(path), "outcome", "MAYBE")).statusCode())
                .as("an outcome the ACS does not offer").isEqualTo(400);
        assertThat(status(reference(fields))).isEqualTo("AUTHENTICATING");
    }

    @Test
    void anExpiredSessionAtThe3dsStepEndsWith97WithoutCallingAuthorizationService() throws Exception {
        Map<String, String> fields = fields(TEST_MERCHANT, "1");
        String path = challenged(fields, CHALLENGE_APPROVED);
        String csrf = csrfOf3ds(path);
        String authenticationId = authenticationIdOf(reference(fields));
        pool.preparedQuery("UPDATE payment_request SET expires_at = now() - interval '1 second' WHERE transaction_reference = $1")
                .execute(Tuple.of(reference(fields))).await().atMost(Duration.ofSeconds(10));

        Response acs = post(path + "/acs", Map.of("csrf", csrf, "outcome", "SUCCESS"));
        assertThat(acs.header("Location")).endsWith(path + "/ticket");
        Document ticket = ticket(path);
        assertThat(ticket.selectFirst(".response-code").text()).isEqualTo("97");
        assertThat(ticket.selectFirst("h1").className()).contains("outcome-EXPIRED");
        assertThat(ticket.select("form.back-to-shop")).hasSize(1);
        assertThat(authenticationCallsFor(TEST_MERCHANT))
                .filteredOn(c -> authenticationId.equals(c.get("authenticationId"))).isEmpty();
        assertThat(given().redirects().follow(false).get(path + "/3ds").header("Location")).endsWith(path + "/ticket");
    }

    @Test
    void theShopperMayCancelAtThe3dsStepWithoutCallingAuthorizationService() throws Exception {
        Map<String, String> fields = fields(TEST_MERCHANT, "1");
        String path = challenged(fields, CHALLENGE_APPROVED);
        String authenticationId = authenticationIdOf(reference(fields));
        Document info = Jsoup.parse(given().get(path + "/3ds").body().asString());
        String csrf = info.selectFirst("form.cancel-form input[name=csrf]").attr("value");
        assertThat(post(path + "/cancel", Map.of("csrf", "0".repeat(64))).statusCode()).isEqualTo(403);
        assertThat(status(reference(fields))).isEqualTo("AUTHENTICATING");

        assertThat(post(path + "/cancel", Map.of("csrf", csrf)).header("Location")).endsWith(path + "/ticket");
        assertThat(ticket(path).selectFirst(".response-code").text()).isEqualTo("17");
        assertThat(post(path + "/acs", Map.of("csrf", csrf, "outcome", "SUCCESS")).header("Location"))
                .endsWith(path + "/ticket");
        assertThat(authenticationCallsFor(TEST_MERCHANT))
                .filteredOn(c -> authenticationId.equals(c.get("authenticationId"))).isEmpty();
    }

    @Test
    void anAuthenticationExpiredAtAuthorizationServiceGivesTheExpiredTicket() {
        Map<String, String> fields = fields(TEST_MERCHANT, "1");
        fields.put("orderId", "ORDER-97");
        String path = challenged(fields, CHALLENGE_EXPIRED_AT_SERVICE);
        post(path + "/acs", Map.of("csrf", csrfOf3ds(path), "outcome", "SUCCESS"));
        Document ticket = ticket(path);
        assertThat(ticket.selectFirst(".response-code").text()).isEqualTo("97");
        assertThat(ticket.selectFirst("form.back-to-shop input[name=Data]").attr("value"))
                .as("the response echoes the request's fields").contains("orderId=ORDER-97", "responseCode=97");
    }

    @Test
    void aLostAnswerToTheAcsResultIsReconciledWithTheTransaction() {
        String path = challenged(fields(TEST_MERCHANT, "1"), CHALLENGE_ANSWER_LOST);
        post(path + "/acs", Map.of("csrf", csrfOf3ds(path), "outcome", "SUCCESS"));
        Document ticket = ticket(path);
        assertThat(ticket.selectFirst(".response-code").text()).isEqualTo("00");
        assertThat(ticket.selectFirst(".masked-pan").text()).endsWith("00");
    }

    @Test
    void aChannelWithoutTheShopperAsksNoChallenge() throws Exception {
        Map<String, String> fields = fields(TEST_MERCHANT, "1");
        fields.put("orderChannel", "MOTO");
        String path = paymentPath(fields);
        Response card = cardPost(path, csrfOf(path), CHALLENGE_APPROVED, null);
        assertThat(card.header("Location")).endsWith(path + "/ticket");
        assertThat(authorizationsFor(reference(fields)).getFirst()).doesNotContainKey("threeDSecure");
    }

    @Test
    void aProductionMerchantHasNoSimulatedAcsAndItsChallengeEndsInError() throws Exception {
        Map<String, String> fields = fields(LIVE_MERCHANT, "3");
        String path = paymentPath(fields);
        cardPost(path, csrfOf(path), "4111116000000200", null);
        assertThat(status(reference(fields))).isEqualTo("AUTHENTICATING");
        String authenticationId = authenticationIdOf(reference(fields));
        String csrf = csrfOf3ds(path);

        assertThat(given().redirects().follow(false).get(path + "/acs").statusCode()).isEqualTo(404);
        assertThat(post(path + "/acs", Map.of("csrf", csrf, "outcome", "SUCCESS")).statusCode()).isEqualTo(404);
        assertThat(status(reference(fields))).isEqualTo("AUTHENTICATING");

        Response next = post(path + "/3ds", Map.of("csrf", csrf));
        assertThat(next.header("Location")).endsWith(path + "/ticket");
        assertThat(authenticationCallsFor(LIVE_MERCHANT))
                .filteredOn(c -> authenticationId.equals(c.get("authenticationId")))
                .singleElement().satisfies(c -> assertThat(c.get("outcome")).isEqualTo("ERROR"));
        assertThat(ticket(path).selectFirst(".response-code").text()).isEqualTo("00");
    }

    // ---------------------------------------------------------------- brands

    @Test
    void theBrandListGivesAnAccessibleChoiceOfTheKnownCardBrands() throws Exception {
        Map<String, String> fields = fields(TEST_MERCHANT, "1");
        fields.put("paymentMeanBrandList", "VISA,PAYPAL,MASTERCARD,VISA");
        String path = paymentPath(fields);
        Document page = Jsoup.parse(given().get(path).body().asString());
        assertThat(page.selectFirst("fieldset.brand-choice legend").text()).isEqualTo("Type de carte");
        assertThat(page.select("fieldset.brand-choice input[type=radio][name=paymentMeanBrand]").eachAttr("value"))
                .containsExactly("VISA", "MASTERCARD");

        Response mismatch = cardPost(path, csrfOf(path), "5100000000000000", "VISA");
        assertThat(mismatch.statusCode()).isEqualTo(400);
        Document again = Jsoup.parse(mismatch.body().asString());
        assertThat(again.selectFirst("#card-error").text()).contains("type de carte");
        assertThat(again.selectFirst("#cardNumber").attr("aria-invalid")).isEqualTo("true");
        assertThat(again.selectFirst("#cardNumber").attr("aria-describedby")).contains("card-error");
        assertThat(again.selectFirst("input[name=paymentMeanBrand][value=VISA]").hasAttr("checked")).isTrue();
        assertThat(authorizationsFor(reference(fields))).as("no authorization").isEmpty();

        Response accepted = cardPost(path, csrfOf(path), "5100000000000000", "MASTERCARD");
        assertThat(accepted.header("Location")).endsWith(path + "/ticket");
        assertThat(authorizationsFor(reference(fields)).getFirst().get("paymentMeanBrand")).isEqualTo("MASTERCARD");
    }

    @Test
    void withoutAChoiceTheBrandIsTheFirstListedOneOfTheCardAndWithoutAListNoneIsSent() throws Exception {
        Map<String, String> listed = fields(TEST_MERCHANT, "1");
        listed.put("paymentMeanBrandList", "MASTERCARD,CB");
        String path = paymentPath(listed);
        cardPost(path, csrfOf(path), "5200000000000000", null);
        assertThat(authorizationsFor(reference(listed)).getFirst().get("paymentMeanBrand")).isEqualTo("MASTERCARD");

        Map<String, String> plain = fields(TEST_MERCHANT, "1");
        String plainPath = paymentPath(plain);
        Document page = Jsoup.parse(given().get(plainPath).body().asString());
        assertThat(page.select("fieldset.brand-choice")).isEmpty();
        assertThat(page.selectFirst("#card-hint").attr("aria-live")).isEqualTo("polite");
        cardPost(plainPath, csrfOf(plainPath), "5100000000000000", null);
        assertThat(authorizationsFor(reference(plain)).getFirst()).doesNotContainKey("paymentMeanBrand");

        Response js = given().get("/static/cardhint.js");
        assertThat(js.statusCode()).isEqualTo(200);
        assertThat(js.body().asString()).contains("card-hint", "data-looks-wrong");
    }

    // ---------------------------------------------------------------- tickets

    @ParameterizedTest
    @CsvSource({
            "5100000000000000, ACCEPTED,    Your payment was accepted",
            "4100000000000005, REFUSED,     Your bank refused the payment",
            "4100000000000002, REFERRAL,    will contact you",
            "4100000000000090, UNAVAILABLE, Try again later"})
    void eachAuthorizationOutcomeHasItsOwnTicketText(String number, String outcome, String text) {
        Map<String, String> fields = fields(TEST_MERCHANT, "1");
        fields.put("customerLanguage", "en");
        String path = paymentPath(fields);
        cardPost(path, csrfOf(path), number, null);
        Document ticket = ticket(path);
        assertThat(ticket.selectFirst("h1").className()).contains("outcome-" + outcome);
        assertThat(ticket.selectFirst(".outcome-text").text()).contains(text);
        assertThat(ticket.select("form.back-to-shop input[name=Data]")).hasSize(1);
    }

    @Test
    void cancelledExpiredAndFailedAuthenticationTicketsSayWhatHappened() {
        Map<String, String> cancelled = fields(TEST_MERCHANT, "1");
        cancelled.put("customerLanguage", "en");
        String cancelPath = paymentPath(cancelled);
        post(cancelPath + "/cancel", Map.of("csrf", csrfOf(cancelPath)));
        assertThat(ticket(cancelPath).selectFirst(".outcome-text").text()).isEqualTo("You cancelled the payment. Nothing was charged.");

        Map<String, String> expired = fields(TEST_MERCHANT, "1");
        expired.put("customerLanguage", "en");
        String expiredPath = paymentPath(expired);
        pool.preparedQuery("UPDATE payment_request SET expires_at = now() - interval '1 second' WHERE transaction_reference = $1")
                .execute(Tuple.of(reference(expired))).await().atMost(Duration.ofSeconds(10));
        assertThat(ticket(expiredPath).selectFirst(".outcome-text").text()).contains("time allowed to pay has run out");

        Map<String, String> failed = fields(TEST_MERCHANT, "1");
        failed.put("customerLanguage", "en");
        String failedPath = challenged(failed, CHALLENGE_APPROVED);
        post(failedPath + "/acs", Map.of("csrf", csrfOf3ds(failedPath), "outcome", "FAILURE"));
        Document ticket = ticket(failedPath);
        assertThat(ticket.selectFirst("h1").text()).isEqualTo("Authentication failed: payment refused");
        assertThat(ticket.selectFirst(".outcome-text").text()).contains("could not confirm your identity (3-D Secure)");
    }

    @Test
    void bypassReceiptPageReturnsAtOnceWithTheSealedFormAndNoTicket() {
        Map<String, String> fields = fields(TEST_MERCHANT, "1");
        fields.put("paypageData.bypassReceiptPage", "true");
        String path = paymentPath(fields);
        cardPost(path, csrfOf(path), "5100000000000000", null);

        Response page = given().get(path + "/ticket");
        assertThat(page.statusCode()).isEqualTo(200);
        Document html = Jsoup.parse(page.body().asString());
        assertThat(html.select(".outcome, .outcome-text, .response-code")).as("no ticket").isEmpty();
        var form = html.selectFirst("form.auto-return");
        assertThat(form.attr("action")).isEqualTo("http://localhost:9999/return");
        assertThat(form.attr("method")).isEqualTo("post");
        String data = form.selectFirst("input[name=Data]").attr("value");
        String seal = form.selectFirst("input[name=Seal]").attr("value");
        assertThat(data).contains("responseCode=00", "transactionReference=" + reference(fields));
        assertThat(seal).isEqualTo(SipsSeals.hmacSha256(FakePlatformServices.secretKey(TEST_MERCHANT), data));
        assertThat(form.select("input[name=InterfaceVersion], input[name=Encode]")).hasSize(2);
        assertThat(form.select("button[type=submit]")).as("no-JS browsers press it").hasSize(1);

        assertThat(html.select("script").eachAttr("src")).containsExactly("/static/autoreturn.js");
        Matcher nonce = Pattern.compile("script-src 'nonce-([A-Za-z0-9+/=]{24})';").matcher(page.header("Content-Security-Policy"));
        assertThat(nonce.find()).isTrue();
        assertThat(html.selectFirst("script").attr("nonce")).isEqualTo(nonce.group(1));
        assertThat(page.header("Content-Security-Policy")).contains("form-action http://localhost:9999 'self'");
        assertThat(given().get("/static/autoreturn.js").body().asString()).contains("form.auto-return", "submit()");
    }

    @Test
    void bypassReceiptPageAcceptsOnlyTrueOrFalse() {
        Map<String, String> fields = fields(TEST_MERCHANT, "1");
        fields.put("paypageData.bypassReceiptPage", "yes");
        Response init = init(fields);
        assertThat(init.statusCode()).isEqualTo(400);
        Document html = Jsoup.parse(init.body().asString());
        assertThat(html.selectFirst(".response-code").text()).isEqualTo("30");
        assertThat(html.selectFirst(".error-field").text()).isEqualTo("paypageData.bypassReceiptPage");

        Map<String, String> off = fields(TEST_MERCHANT, "1");
        off.put("paypageData.bypassReceiptPage", "false");
        String path = paymentPath(off);
        cardPost(path, csrfOf(path), "5100000000000000", null);
        assertThat(ticket(path).select("h1.outcome")).hasSize(1);
    }

    // ---------------------------------------------------------------- helpers

    /** A request whose card was answered 60: at the 3-D Secure step. */
    private String challenged(Map<String, String> fields, String number) {
        String path = paymentPath(fields);
        Response card = cardPost(path, csrfOf(path), number, null);
        assertThat(card.header("Location")).endsWith(path + "/3ds");
        return path;
    }

    private static Map<String, String> fields(String merchantId, String keyVersion) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("amount", "1050");
        fields.put("currencyCode", "978");
        fields.put("merchantId", merchantId);
        fields.put("normalReturnUrl", "http://localhost:9999/return");
        fields.put("transactionReference", "D" + Long.toString(System.nanoTime(), 36)
                + ThreadLocalRandom.current().nextInt(1000, 9999));
        fields.put("keyVersion", keyVersion);
        return fields;
    }

    private static String reference(Map<String, String> fields) {
        return fields.get("transactionReference");
    }

    private static Response init(Map<String, String> fields) {
        String data = fields.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("|"));
        String seal = SipsSeals.hmacSha256(FakePlatformServices.secretKey(fields.get("merchantId")), data);
        return given().redirects().follow(false)
                .contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParam("Data", data).formParam("Seal", seal).formParam("InterfaceVersion", "HP_2.24")
                .formParam("SealAlgorithm", "HMAC-SHA-256")
                .post("/paymentInit");
    }

    private static String paymentPath(Map<String, String> fields) {
        Response init = init(fields);
        assertThat(init.statusCode()).as(init.body().asString()).isEqualTo(303);
        return URI.create(init.header("Location")).getPath();
    }

    private static String csrfOf(String path) {
        return Jsoup.parse(given().get(path).body().asString()).selectFirst("form.card-form input[name=csrf]").attr("value");
    }

    private static String csrfOf3ds(String path) {
        return Jsoup.parse(given().get(path + "/3ds").body().asString())
                .selectFirst("form.three-ds-form input[name=csrf]").attr("value");
    }

    /**
     * Posts a test card with digits 11-14 made unique (the fake's scenario digits, the brand prefix and the last two
     * stay), so the per-card attempt limit across sessions never ends a test's payment.
     */
    private static Response cardPost(String path, String csrf, String number, String brand) {
        // a real (Luhn-checked) number is posted as it is; Sips test prefixes (xx0000) skip Luhn
        String fresh = !number.startsWith("0000", 2) ? number : number.substring(0, 10)
                + String.format("%04d", java.util.concurrent.ThreadLocalRandom.current().nextInt(10_000))
                + number.substring(14);
        var request = given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("csrf", csrf).formParam("cardNumber", fresh).formParam("expiry", "12/35")
                .formParam("cvv", "123");
        if (brand != null) {
            request.formParam("paymentMeanBrand", brand);
        }
        return request.post(path + "/card");
    }

    private static Response post(String path, Map<String, String> form) {
        var request = given().redirects().follow(false).contentType("application/x-www-form-urlencoded");
        form.forEach(request::formParam);
        return request.post(path);
    }

    private static Document ticket(String path) {
        Response ticket = given().redirects().follow(false).get(path + "/ticket");
        assertThat(ticket.statusCode()).isEqualTo(200);
        return Jsoup.parse(ticket.body().asString());
    }

    private static String spaces(String text) {
        return text.replaceAll("[\\u00a0\\u202f]", " ");
    }

    private String status(String reference) {
        return column(reference, "status");
    }

    private String authenticationIdOf(String reference) {
        return column(reference, "authentication_id");
    }

    private String column(String reference, String column) {
        return pool.preparedQuery("SELECT " + column + " AS v FROM payment_request WHERE transaction_reference = $1")
                .execute(Tuple.of(reference)).await().atMost(Duration.ofSeconds(10))
                .iterator().next().getString("v");
    }

    private String storedRow(String reference) {
        return pool.preparedQuery("SELECT row_to_json(p)::text AS j FROM payment_request p WHERE transaction_reference = $1")
                .execute(Tuple.of(reference)).await().atMost(Duration.ofSeconds(10))
                .iterator().next().getString("j");
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> authorizationsFor(String reference) throws Exception {
        Map<String, Object> body = fakeGet("/test/authorizations");
        return ((List<Map<String, Object>>) body.get("authorizations")).stream()
                .filter(a -> reference.equals(a.get("transactionReference"))).toList();
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> authenticationCallsFor(String merchantId) throws Exception {
        Map<String, Object> body = fakeGet("/test/authentications");
        return ((List<Map<String, Object>>) body.get("authentications")).stream()
                .filter(a -> merchantId.equals(a.get("merchantId"))).toList();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> fakeGet(String path) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(fakeServicesUrl + path)).build(), HttpResponse.BodyHandlers.ofString());
        return JSON.readValue(response.body(), Map.class);
    }
}
