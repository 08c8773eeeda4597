package org.caisse.paymentpage;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.caisse.paymentpage.support.FakePlatformServices;
import org.caisse.paymentpage.support.PaypagePosts;
import org.caisse.paymentpage.support.ServiceJwts;
import org.caisse.paymentpage.support.TestMerchants;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(FakePlatformServices.class)
class BrandingApiTest {

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R',
            0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0};

    @Inject
    Pool pool;

    private static String office() {
        return ServiceJwts.as("office-server-service");
    }

    private static String base(String merchant) {
        return "/internal/v1/merchants/" + merchant + "/branding";
    }

    private String newMerchant(Map<String, Object> extra) {
        String merchant = TestMerchants.randomMerchantId('5');
        Map<String, Object> settings = new HashMap<>(TestMerchants.settings(merchant, "Shop <b>&</b> Co", false));
        settings.putAll(extra);
        String event = TestMerchants.publish(settings, Instant.now());
        TestMerchants.awaitStored(pool, merchant, event);
        return merchant;
    }

    @Test
    void aLogoIsStoredAndServedWithItsTypeNosniffAndALongCacheUnderItsHash() {
        String merchant = TestMerchants.randomMerchantId('5');
        Response put = given().auth().oauth2(office()).contentType("image/png").body(PNG).put(base(merchant) + "/logo");
        put.then().statusCode(200).body("logo.contentType", equalTo("image/png"));
        String url = put.jsonPath().getString("logo.url");
        assertThat(url).matches("/branding/" + merchant + "/logo\\?v=[0-9a-f]{64}");

        Response served = given().get(url);
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(served.contentType()).isEqualTo("image/png");
        assertThat(served.asByteArray()).isEqualTo(PNG);
        assertThat(served.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(served.header("Cache-Control")).isEqualTo("public, max-age=31536000, immutable");
        assertThat(given().get("/branding/" + merchant + "/logo?v=old").header("Cache-Control")).isEqualTo("no-cache");
    }

    @Test
    void svgOrHtmlPretendingToBeALogoIsRefusedAndNothingStored() {
        String merchant = TestMerchants.randomMerchantId('5');
        given().auth().oauth2(office()).contentType("image/png")
                .body("<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>".getBytes(StandardCharsets.UTF_8))
                .put(base(merchant) + "/logo")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:caisse:problem:invalid-logo")).body("field", equalTo("logo"));
        assertThat(given().get("/branding/" + merchant + "/logo").statusCode()).isEqualTo(404);
        assertThat(rowCount(merchant)).isZero();
    }

    @Test
    void aLogoOverTheLimitIsRefusedWithAProblem() {
        byte[] big = new byte[200 * 1024 + 10];
        System.arraycopy(PNG, 0, big, 0, PNG.length);
        given().auth().oauth2(office()).contentType("image/png").body(big)
                .put(base(TestMerchants.randomMerchantId('5')) + "/logo")
                .then().statusCode(400).body("type", equalTo("urn:caisse:problem:logo-too-large"));
    }

    @Test
    void aCleanStylesheetIsStoredReserializedAndServedAsCss() {
        String merchant = TestMerchants.randomMerchantId('5');
        Response put = given().auth().oauth2(office()).contentType("text/css")
                .body("/* brand */ .page { border-radius: 0 }".getBytes(StandardCharsets.UTF_8))
                .put(base(merchant) + "/stylesheets/customCSS.css");
        put.then().statusCode(200).body("stylesheets[0].name", equalTo("customCSS.css"));
        String url = put.jsonPath().getString("stylesheets[0].url");
        Response served = given().get(url);
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(served.contentType()).startsWith("text/css");
        assertThat(served.asString()).contains(".page").contains("border-radius").doesNotContain("brand");
        assertThat(served.header("Cache-Control")).contains("immutable");
    }

    @Test
    void hostileStylesheetsAreRefusedNamingTheReasonAndNothingIsStored() {
        String merchant = TestMerchants.randomMerchantId('5');
        Map<String, String> hostile = Map.of(
                "@import url(https://evil.example/x.css);", "css-import",
                ".a { background: url(javascript:alert(1)) }", "css-url",
                ".a { width: expression(alert(1)) }", "css-expression",
                ".a { color: red } </style><script>alert(1)</script>", "css-markup");
        hostile.forEach((css, reason) -> given().auth().oauth2(office()).contentType("text/css")
                .body(css.getBytes(StandardCharsets.UTF_8)).put(base(merchant) + "/stylesheets/evil.css")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:caisse:problem:" + reason)).body("field", equalTo("stylesheet")));
        assertThat(given().get("/branding/" + merchant + "/css/evil.css").statusCode()).isEqualTo(404);
    }

    @Test
    void aBadStylesheetNameIsRefused() {
        given().auth().oauth2(office()).contentType("text/css").body(".a{color:red}".getBytes(StandardCharsets.UTF_8))
                .put(base(TestMerchants.randomMerchantId('5')) + "/stylesheets/.hidden")
                .then().statusCode(400).body("field", equalTo("name"));
    }

    @Test
    void coloursWithTooLittleContrastAreRefusedAndReadableOnesBecomeATheme() {
        String merchant = TestMerchants.randomMerchantId('5');
        given().auth().oauth2(office()).contentType("application/json")
                .body("{\"colours\":{\"primary\":\"#aaaaaa\",\"background\":\"#ffffff\",\"text\":\"#000000\"}}")
                .put(base(merchant))
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:caisse:problem:insufficient-contrast"))
                .body("field", equalTo("colours.primary")).body("detail", containsString("4.5:1"));
        assertThat(rowCount(merchant)).isZero();

        Response put = given().auth().oauth2(office()).contentType("application/json")
                .body("{\"colours\":{\"primary\":\"#0b5d1e\",\"background\":\"#fffdf5\",\"text\":\"#222222\"}}")
                .put(base(merchant));
        put.then().statusCode(200).body("colours.primary", equalTo("#0b5d1e"));
        Response theme = given().get(put.jsonPath().getString("theme"));
        assertThat(theme.contentType()).startsWith("text/css");
        assertThat(theme.asString()).contains("--accent: #0b5d1e;").contains("--page-bg: #fffdf5;");
    }

    @Test
    void malformedJsonUnknownFieldsAndUnknownDefaultTemplateAreProblems() {
        String merchant = TestMerchants.randomMerchantId('5');
        given().auth().oauth2(office()).contentType("application/json").body("{\"colours\":").put(base(merchant))
                .then().statusCode(400).body("type", equalTo("urn:caisse:problem:invalid-body"));
        given().auth().oauth2(office()).contentType("application/json").body("{\"logoUrl\":\"x\"}").put(base(merchant))
                .then().statusCode(400).body("field", equalTo("logoUrl"));
        given().auth().oauth2(office()).contentType("application/json").body("{\"defaultTemplate\":\"nope.css\"}")
                .put(base(merchant))
                .then().statusCode(400).body("type", equalTo("urn:caisse:problem:unknown-template"));
        given().auth().oauth2(office()).contentType("application/json")
                .body("{\"texts\":{\"fr\":{\"header\":\"" + "x".repeat(200) + "\"}}}").put(base(merchant))
                .then().statusCode(400).body("field", equalTo("texts.fr.header"));
        given().auth().oauth2(office()).get("/internal/v1/merchants/12345/branding")
                .then().statusCode(400).body("field", equalTo("merchantId"));
    }

    @Test
    void withoutAValidTokenIs401AndAnotherServiceIs403AllAsProblems() {
        String merchant = TestMerchants.randomMerchantId('5');
        given().get(base(merchant)).then().statusCode(401).contentType("application/problem+json");
        given().contentType("image/png").body(PNG).put(base(merchant) + "/logo").then().statusCode(401);
        given().auth().oauth2("not.a.token").get(base(merchant)).then().statusCode(401)
                .contentType("application/problem+json");
        given().auth().oauth2(ServiceJwts.signedBy("office-server-service", "office-server-service", "authorization-service"))
                .get(base(merchant)).then().statusCode(401);
        given().auth().oauth2(ServiceJwts.as("notification-service")).contentType("image/png").body(PNG)
                .put(base(merchant) + "/logo").then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(ServiceJwts.signedBy("notification-service", "office-server-service", "payment-page-service"))
                .get(base(merchant)).then().statusCode(403);
        assertThat(rowCount(merchant)).isZero();
    }

    @Test
    void thePagesShowLogoThemeChosenTemplateAndEscapedTextsAfterOurStylesheet() {
        String merchant = newMerchant(Map.of());
        given().auth().oauth2(office()).contentType("image/png").body(PNG).put(base(merchant) + "/logo").then().statusCode(200);
        given().auth().oauth2(office()).contentType("text/css").body(".page{border:0}".getBytes(StandardCharsets.UTF_8))
                .put(base(merchant) + "/stylesheets/summer.css").then().statusCode(200);
        given().auth().oauth2(office()).contentType("text/css").body(".page{border:1px}".getBytes(StandardCharsets.UTF_8))
                .put(base(merchant) + "/stylesheets/default.css").then().statusCode(200);
        given().auth().oauth2(office()).contentType("application/json").body("""
                {"colours":{"primary":"#1f5fbf","background":"#ffffff","text":"#1d2330"},
                 "texts":{"fr":{"header":"<script>alert(1)</script> Soldes !","footer":"Merci & à bientôt"},
                          "en":{"header":"Sale!"}},
                 "defaultTemplate":"default.css"}""").put(base(merchant)).then().statusCode(200);

        Map<String, String> fields = PaypagePosts.fields(merchant, PaypagePosts.newReference());
        fields.put("templateName", "summer.css");
        Document page = Jsoup.parse(given().get(PaypagePosts.open(fields)).body().asString());
        List<String> sheets = page.select("link[rel=stylesheet]").eachAttr("href");
        assertThat(sheets).hasSize(3);
        assertThat(sheets.get(0)).isEqualTo("/static/paypage.css");
        assertThat(sheets.get(1)).startsWith("/branding/" + merchant + "/theme.css?v=");
        assertThat(sheets.get(2)).startsWith("/branding/" + merchant + "/css/summer.css?v=");
        assertThat(page.selectFirst("img.merchant-logo").attr("alt")).isEqualTo("Shop <b>&</b> Co");
        assertThat(page.selectFirst("img.merchant-logo").attr("src")).startsWith("/branding/" + merchant + "/logo?v=");
        assertThat(page.selectFirst(".merchant-header").text()).isEqualTo("<script>alert(1)</script> Soldes !");
        assertThat(page.select("script").eachAttr("src")).containsOnly("/static/cardhint.js", "/static/testcards.js");
        assertThat(page.selectFirst(".merchant-footer").text()).isEqualTo("Merci & à bientôt");

        // an unknown template name falls back to the merchant's default; English shows the English texts
        Map<String, String> other = PaypagePosts.fields(merchant, PaypagePosts.newReference());
        other.put("templateName", "winter.css");
        other.put("customerLanguage", "en");
        Document english = Jsoup.parse(given().get(PaypagePosts.open(other)).body().asString());
        assertThat(english.select("link[rel=stylesheet]").eachAttr("href").get(2))
                .startsWith("/branding/" + merchant + "/css/default.css?v=");
        assertThat(english.selectFirst(".merchant-header").text()).isEqualTo("Sale!");
        assertThat(english.select(".merchant-footer")).isEmpty();
    }

    @Test
    void aMalformedTemplateNameIsRefusedWith30AtTheEntryPost() {
        String merchant = newMerchant(Map.of());
        Map<String, String> fields = PaypagePosts.fields(merchant, PaypagePosts.newReference());
        fields.put("templateName", "../x.css");
        Response init = PaypagePosts.post(fields);
        assertThat(init.statusCode()).isEqualTo(400);
        assertThat(init.body().asString()).contains("templateName").contains("30");
    }

    @Test
    void thePagesOfAPaymentMayBeFramedOnlyByTheMerchantsOriginsAndHstsIsEverywhere() {
        String framed = newMerchant(Map.of("frameAncestors", List.of("https://shop.example", "https://*.shop.example")));
        Response page = given().get(PaypagePosts.open(PaypagePosts.fields(framed, PaypagePosts.newReference())));
        assertThat(page.header("Content-Security-Policy"))
                .contains("frame-ancestors https://shop.example https://*.shop.example;");
        assertThat(page.header("X-Frame-Options")).isNull();
        assertThat(page.header("Strict-Transport-Security")).isEqualTo("max-age=31536000; includeSubDomains");

        String plain = newMerchant(Map.of());
        Response other = given().get(PaypagePosts.open(PaypagePosts.fields(plain, PaypagePosts.newReference())));
        assertThat(other.header("Content-Security-Policy")).contains("frame-ancestors 'none'");

        for (String path : new String[] {"/static/paypage.css", "/no/such/page", base(plain)}) {
            assertThat(given().get(path).header("Strict-Transport-Security")).as(path)
                    .isEqualTo("max-age=31536000; includeSubDomains");
        }
    }

    @Test
    void settingsWithAFrameAncestorThatIsNotAnHttpsOriginAreNotTaken() {
        String merchant = TestMerchants.randomMerchantId('5');
        Instant now = Instant.now();
        String good = TestMerchants.publish(TestMerchants.settings(merchant, "Good", false), now);
        TestMerchants.awaitStored(pool, merchant, good);
        Map<String, Object> bad = new HashMap<>(TestMerchants.settings(merchant, "Bad frames", false));
        bad.put("frameAncestors", List.of("http://shop.example"));
        TestMerchants.publish(bad, now.plusSeconds(1));
        // the topic is read in order: once a later marker is stored, the bad document has been handled
        String markerMerchant = TestMerchants.randomMerchantId('5');
        String marker = TestMerchants.publish(TestMerchants.settings(markerMerchant, "Marker", false), now.plusSeconds(2));
        TestMerchants.awaitStored(pool, markerMerchant, marker);
        assertThat(TestMerchants.storedShopName(pool, merchant)).isEqualTo("Good");
    }

    private long rowCount(String merchant) {
        var rows = pool.preparedQuery("""
                        SELECT (SELECT count(*) FROM merchant_branding WHERE merchant_id = $1)
                             + (SELECT count(*) FROM merchant_stylesheet WHERE merchant_id = $1) AS n""")
                .execute(Tuple.of(merchant)).await().atMost(Duration.ofSeconds(10));
        return rows.iterator().next().getLong("n");
    }

}
