package org.caisse.paymentpage;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
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
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.caisse.paymentpage.application.CardAttemptLimiter;
import org.caisse.paymentpage.support.FakePlatformServices;
import org.caisse.paymentpage.support.PaypagePosts;
import org.caisse.paymentpage.support.TestMerchants;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(FakePlatformServices.class)
@TestProfile(CardAttemptLimitsTest.ThreeSubmissionsPerCard.class)
class CardAttemptLimitsTest {

    /** Three submissions of one card per window across payments (the default is five). */
    public static class ThreeSubmissionsPerCard implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("caisse.page.card-attempts.max", "3", "caisse.page.max-card-attempts", "3");
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static String merchant;

    @Inject
    Pool pool;

    @Inject
    CardAttemptLimiter limiter;

    @ConfigProperty(name = "caisse.authorization.url")
    String fakeServicesUrl;

    @BeforeEach
    void merchantIsKnown() {
        if (merchant == null) {
            String id = TestMerchants.randomMerchantId('4');
            TestMerchants.awaitStored(pool, id, TestMerchants.publish(TestMerchants.settings(id, "Limits", false), Instant.now()));
            merchant = id;
        }
    }

    @Test
    void threeRejectedCardEntriesAreCorrectableTheFourthEndsThePaymentWith75() throws Exception {
        String reference = PaypagePosts.newReference();
        String path = PaypagePosts.open(PaypagePosts.fields(merchant, reference));
        String csrf = PaypagePosts.csrfOf(path);
        for (int i = 0; i < 3; i++) {
            Response rejected = PaypagePosts.card(path, csrf, "4100000000000000", "13/30");
            assertThat(rejected.statusCode()).as("rejected entry %d", i + 1).isEqualTo(400);
        }
        Response fourth = PaypagePosts.card(path, csrf, "abc", "12/35");
        assertThat(fourth.statusCode()).isEqualTo(303);
        assertThat(fourth.header("Location")).endsWith(path + "/ticket");

        Document ticket = Jsoup.parse(given().get(path + "/ticket").body().asString());
        assertThat(ticket.selectFirst(".response-code").text()).isEqualTo("75");
        assertThat(ticket.select(".attempts-exceeded")).hasSize(1);
        assertThat(ticket.select("form.back-to-shop input[name=Data]").attr("value")).contains("responseCode=75");
        assertThat(authorizationsFor(reference)).isEmpty();
        // the payment is over: a good card now only shows the ticket
        assertThat(PaypagePosts.card(path, csrf, "4100000000000000", "12/35").header("Location")).endsWith("/ticket");
        assertThat(authorizationsFor(reference)).isEmpty();
    }

    @Test
    void aCardSubmittedMoreThanTheLimitAcrossPaymentsIsRefusedWith75WithoutAuthorization() throws Exception {
        String card = "45" + String.format("%014d", ThreadLocalRandom.current().nextLong(100_000_000_000_000L));
        for (int i = 0; i < 3; i++) {
            String reference = PaypagePosts.newReference();
            String path = PaypagePosts.open(PaypagePosts.fields(merchant, reference));
            assertThat(PaypagePosts.card(path, PaypagePosts.csrfOf(path), card, "12/35").statusCode()).isEqualTo(303);
            assertThat(authorizationsFor(reference)).as("submission %d is authorized", i + 1).hasSize(1);
        }
        String reference = PaypagePosts.newReference();
        String path = PaypagePosts.open(PaypagePosts.fields(merchant, reference));
        Response fourth = PaypagePosts.card(path, PaypagePosts.csrfOf(path), card.substring(0, 4) + " " + card.substring(4), "12/35");
        assertThat(fourth.statusCode()).isEqualTo(303);
        assertThat(authorizationsFor(reference)).isEmpty();
        Document ticket = Jsoup.parse(given().get(path + "/ticket").body().asString());
        assertThat(ticket.selectFirst(".response-code").text()).isEqualTo("75");

        // another card is not affected, and the card number itself is stored nowhere
        String other = PaypagePosts.newReference();
        String otherPath = PaypagePosts.open(PaypagePosts.fields(merchant, other));
        PaypagePosts.card(otherPath, PaypagePosts.csrfOf(otherPath), "46" + card.substring(2), "12/35");
        assertThat(authorizationsFor(other)).hasSize(1);
        var rows = pool.preparedQuery("SELECT count(*) AS n FROM card_submission WHERE fingerprint LIKE $1")
                .execute(Tuple.of("%" + card.substring(6) + "%")).await().atMost(Duration.ofSeconds(10));
        assertThat(rows.iterator().next().getLong("n")).isZero();
    }

    @Test
    void pruningForgetsSubmissionsOutsideTheWindow() {
        pool.preparedQuery("INSERT INTO card_submission (fingerprint, submitted_at) VALUES ('old-one', now() - interval '2 hours')")
                .execute().await().atMost(Duration.ofSeconds(10));
        assertThat(limiter.prune().await().atMost(Duration.ofSeconds(10))).isGreaterThanOrEqualTo(1);
        var rows = pool.preparedQuery("SELECT count(*) AS n FROM card_submission WHERE fingerprint = 'old-one'")
                .execute().await().atMost(Duration.ofSeconds(10));
        assertThat(rows.iterator().next().getLong("n")).isZero();
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
