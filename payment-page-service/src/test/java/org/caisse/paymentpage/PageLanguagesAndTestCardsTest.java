package org.caisse.paymentpage;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.caisse.paymentpage.domain.TestCards;
import org.caisse.paymentpage.support.FakePlatformServices;
import org.caisse.paymentpage.support.SipsSeals;
import org.caisse.paymentpage.support.TestMerchants;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The card page in each language, and the TEST-mode test card list (never in PRODUCTION). */
@QuarkusTest
@WithTestResource(FakePlatformServices.class)
class PageLanguagesAndTestCardsTest {

    /** TEST mode, German by default. */
    private static final String TEST_MERCHANT = TestMerchants.randomMerchantId('5');
    private static final String LIVE_MERCHANT = TestMerchants.randomMerchantId('4');
    private static boolean published;

    @Inject
    Pool pool;

    @BeforeEach
    void merchantsAreKnown() {
        if (published) {
            return;
        }
        Map<String, Object> test = new HashMap<>(TestMerchants.settings(TEST_MERCHANT, "Testladen", false));
        test.put("languages", java.util.List.of("de", "fr", "en", "es", "it", "nl"));
        test.put("defaultLanguage", "de");
        String testEvent = TestMerchants.publish(test, Instant.now());
        String liveEvent = TestMerchants.publish(TestMerchants.settings(LIVE_MERCHANT, "Live shop", false, "PRODUCTION"),
                Instant.now());
        TestMerchants.awaitStored(pool, TEST_MERCHANT, testEvent);
        TestMerchants.awaitStored(pool, LIVE_MERCHANT, liveEvent);
        published = true;
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "fr|Numéro de carte|Cartes de test|1 234,56 €|Cette page de paiement expire le",
            "en|Card number|Test cards|€1,234.56|This payment page expires on",
            "de|Kartennummer|Testkarten|1.234,56 €|Diese Zahlungsseite läuft am",
            "es|Número de tarjeta|Tarjetas de prueba|1.234,56 €|Esta página de pago caduca el",
            "it|Numero della carta|Carte di test|1.234,56 €|Questa pagina di pagamento scade il",
            "nl|Kaartnummer|Testkaarten|€ 1.234,56|Deze betaalpagina verloopt op"})
    void customerLanguageRendersItsOwnBundleAndFormatsTheAmount(String lang, String cardNumber, String testCards,
                                                                String amount, String expires) {
        Map<String, String> fields = fields(TEST_MERCHANT, "1");
        fields.put("amount", "123456");
        fields.put("customerLanguage", lang);
        Document html = cardPage(fields);

        assertThat(html.selectFirst("html").attr("lang")).isEqualTo(lang);
        assertThat(html.selectFirst("label[for=cardNumber]").text()).isEqualTo(cardNumber);
        assertThat(html.selectFirst("#test-cards-title").text()).isEqualTo(testCards);
        assertThat(spaces(html.selectFirst(".amount").text())).isEqualTo(amount);
        assertThat(spaces(html.selectFirst("button.primary").text())).endsWith(amount);
        assertThat(html.selectFirst(".session-expires").text()).startsWith(expires).contains("(Europe/Paris)");
    }

    @Test
    void anUnknownCustomerLanguageFallsBackToTheMerchantsDefault() {
        Map<String, String> fields = fields(TEST_MERCHANT, "1");
        fields.put("customerLanguage", "pt");
        Document html = cardPage(fields);
        assertThat(html.selectFirst("html").attr("lang")).isEqualTo("de");
        assertThat(html.selectFirst("label[for=cardNumber]").text()).isEqualTo("Kartennummer");
        assertThat(spaces(html.selectFirst(".amount").text())).isEqualTo("10,50 €");
    }

    @Test
    void testMerchantsCardPageListsEveryTestCardWithItsScenario() {
        Map<String, String> fields = fields(TEST_MERCHANT, "1");
        fields.put("customerLanguage", "en");
        Document html = cardPage(fields);

        var items = html.select(".test-cards li.test-card");
        assertThat(items).hasSize(TestCards.ALL.size());
        assertThat(items.eachAttr("class")).hasSize(11);
        Element refused = card(html, "4100000000000005");
        assertThat(refused.selectFirst(".test-card-brand").text()).isEqualTo("VISA");
        assertThat(refused.selectFirst(".test-card-scenario").text()).isEqualTo("Result : payment refused (05)");
        Element notEnrolled = card(html, "4100000100000000");
        assertThat(notEnrolled.selectFirst(".test-card-scenario").text()).contains("payment accepted");
        assertThat(notEnrolled.selectFirst(".test-card-3ds").text()).isEqualTo("3-D Secure : card not enrolled");
        assertThat(card(html, "4100000200000000").selectFirst(".test-card-3ds").text()).endsWith("without a challenge");
        assertThat(card(html, "4100000000000054").selectFirst(".test-card-scenario").text()).contains("expired card (54)");
        assertThat(card(html, "5100000000000000").selectFirst(".test-card-brand").text()).isEqualTo("MASTERCARD");
    }

    @Test
    void fillButtonsCarryTheCardAFutureExpiryAndACscAndTheirScriptIsAllowedByTheNonce() {
        Response page = given().get(paymentPath(fields(TEST_MERCHANT, "1")));
        Document html = Jsoup.parse(page.body().asString());

        var buttons = html.select("button.fill-test-card");
        assertThat(buttons.eachAttr("data-card-number"))
                .containsExactlyElementsOf(TestCards.ALL.stream().map(TestCards.TestCard::number).toList());
        YearMonth now = YearMonth.now();
        for (Element button : buttons) {
            assertThat(button.attr("type")).isEqualTo("button");
            YearMonth expiry = YearMonth.parse(button.attr("data-expiry"), DateTimeFormatter.ofPattern("MM/yy"));
            assertThat(expiry).isAfter(now);
            assertThat(button.attr("data-csc")).matches("[0-9]{3}");
        }

        assertThat(html.select("script").eachAttr("src")).containsExactly("/static/cardhint.js", "/static/testcards.js");
        Element script = html.selectFirst("script[src=/static/testcards.js]");
        Matcher nonce = Pattern.compile("script-src 'nonce-([A-Za-z0-9+/=]{24})';")
                .matcher(page.header("Content-Security-Policy"));
        assertThat(nonce.find()).as(page.header("Content-Security-Policy")).isTrue();
        assertThat(script.attr("nonce")).isEqualTo(nonce.group(1));
        assertThat(html.select("script[src=/static/cardhint.js]").attr("nonce")).isEqualTo(nonce.group(1));

        String secondNonce = given().get(paymentPath(fields(TEST_MERCHANT, "1"))).header("Content-Security-Policy");
        assertThat(secondNonce).doesNotContain(nonce.group(1));

        Response js = given().get("/static/testcards.js");
        assertThat(js.statusCode()).isEqualTo(200);
        assertThat(js.body().asString()).contains("fill-test-card", "data-card-number");
    }

    @Test
    void productionMerchantsCardPageHasNoTestCardsAndOnlyTheCardHintScript() {
        Response page = given().get(paymentPath(fields(LIVE_MERCHANT, "3")));
        assertThat(page.statusCode()).isEqualTo(200);
        String body = page.body().asString();
        Document html = Jsoup.parse(body);

        assertThat(html.select("form.card-form")).hasSize(1);
        assertThat(html.select(".test-cards")).isEmpty();
        assertThat(html.select("button.fill-test-card")).isEmpty();
        assertThat(html.select("script").eachAttr("src")).containsExactly("/static/cardhint.js");
        assertThat(body).doesNotContain("4100000000000005", "Cartes de test");
        assertThat(page.header("Content-Security-Policy"))
                .contains("script-src 'nonce-" + html.selectFirst("script").attr("nonce") + "'");
    }

    // ---------------------------------------------------------------- helpers

    private static Element card(Document html, String number) {
        return html.select(".test-cards li.test-card").stream()
                .filter(li -> li.selectFirst(".test-card-number").text().equals(number))
                .findFirst().orElseThrow();
    }

    private static Document cardPage(Map<String, String> fields) {
        Response page = given().get(paymentPath(fields));
        assertThat(page.statusCode()).isEqualTo(200);
        return Jsoup.parse(page.body().asString());
    }

    private static String paymentPath(Map<String, String> fields) {
        String data = fields.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("|"));
        String seal = SipsSeals.hmacSha256(FakePlatformServices.secretKey(fields.get("merchantId")), data);
        Response init = given().redirects().follow(false)
                .contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParam("Data", data).formParam("Seal", seal).formParam("InterfaceVersion", "HP_2.24")
                .formParam("SealAlgorithm", "HMAC-SHA-256")
                .post("/paymentInit");
        assertThat(init.statusCode()).as(init.body().asString()).isEqualTo(303);
        return URI.create(init.header("Location")).getPath();
    }

    private static Map<String, String> fields(String merchantId, String keyVersion) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("amount", "1050");
        fields.put("currencyCode", "978");
        fields.put("merchantId", merchantId);
        fields.put("normalReturnUrl", "http://localhost:9999/return");
        fields.put("transactionReference", "L" + Long.toString(System.nanoTime(), 36)
                + ThreadLocalRandom.current().nextInt(1000, 9999));
        fields.put("keyVersion", keyVersion);
        return fields;
    }

    private static String spaces(String text) {
        return text.replaceAll("[\\u00a0\\u202f]", " ");
    }
}
