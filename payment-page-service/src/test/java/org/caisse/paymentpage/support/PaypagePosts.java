package org.caisse.paymentpage.support;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.response.Response;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;

/** A sealed Paypage POST and the card page steps, for tests beyond the main flow test. */
public final class PaypagePosts {

    private PaypagePosts() {
    }

    public static String newReference() {
        return "B" + Long.toString(System.nanoTime(), 36) + ThreadLocalRandom.current().nextInt(1000, 9999);
    }

    public static Map<String, String> fields(String merchantId, String reference) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("amount", "1050");
        fields.put("currencyCode", "978");
        fields.put("merchantId", merchantId);
        fields.put("normalReturnUrl", "http://localhost:9999/return");
        fields.put("transactionReference", reference);
        fields.put("keyVersion", "1");
        return fields;
    }

    public static Response post(Map<String, String> fields) {
        String data = fields.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("|"));
        String seal = SipsSeals.hmacSha256(FakePlatformServices.secretKey(fields.get("merchantId")), data);
        return given().redirects().follow(false)
                .contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParam("Data", data).formParam("Seal", seal).formParam("InterfaceVersion", "HP_2.24")
                .formParam("SealAlgorithm", "HMAC-SHA-256").post("/paymentInit");
    }

    /** The card page path of a freshly posted payment. */
    public static String open(Map<String, String> fields) {
        Response init = post(fields);
        assertThat(init.statusCode()).isEqualTo(303);
        return URI.create(init.header("Location")).getPath();
    }

    public static String csrfOf(String path) {
        return Jsoup.parse(given().get(path).body().asString()).selectFirst("form.card-form input[name=csrf]").attr("value");
    }

    public static Response card(String path, String csrf, String number, String expiry) {
        return given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("csrf", csrf).formParam("cardNumber", number).formParam("expiry", expiry)
                .formParam("cvv", "123").post(path + "/card");
    }
}
