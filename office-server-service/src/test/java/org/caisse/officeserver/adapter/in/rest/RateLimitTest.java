package org.caisse.officeserver.adapter.in.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.caisse.officeserver.support.FakeDownstreams.MERCHANT;
import static org.caisse.officeserver.support.FakeDownstreams.MERCHANT_KEY;
import static org.caisse.officeserver.support.FakeDownstreams.OTHER_MERCHANT;
import static org.caisse.officeserver.support.FakeDownstreams.OTHER_MERCHANT_KEY;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import org.caisse.officeserver.support.FakeDownstreamsResource;
import org.caisse.officeserver.support.IndependentSeal;
import org.caisse.officeserver.support.OfficeHttp;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** The per-merchant and per-client budgets, with small limits (this profile only). */
@QuarkusTest
@TestProfile(RateLimitTest.SmallLimits.class)
@WithTestResource(value = FakeDownstreamsResource.class, scope = TestResourceScope.GLOBAL)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RateLimitTest {

    private static final String GET_TRANSACTION_DATA = "/rs-services/v2/diagnostic/getTransactionData";

    public static class SmallLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "caisse.office.rate-limit.per-second", "1",
                    "caisse.office.rate-limit.burst", "3",
                    "caisse.office.rate-limit.per-client.per-second", "5",
                    "caisse.office.rate-limit.per-client.burst", "30");
        }
    }

    private static byte[] diagnostic(String merchantId, String key) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("interfaceVersion", "DR_WS_2.3");
        request.put("keyVersion", 1);
        request.put("merchantId", merchantId);
        request.put("transactionReference", "KNOWN" + UUID.randomUUID().toString().substring(0, 8));
        return OfficeHttp.json(IndependentSeal.sealRequest(request, key));
    }

    @Test
    @Order(1)
    void aMerchantOverItsRateGets429WithRetryAfterThenRecovers() throws Exception {
        OfficeHttp http = new OfficeHttp(RestAssured.port);
        for (int i = 0; i < 3; i++) {
            assertThat(http.post(GET_TRANSACTION_DATA, diagnostic(MERCHANT, MERCHANT_KEY), null).statusCode())
                    .isEqualTo(200);
        }
        HttpResponse<byte[]> limited = http.post(GET_TRANSACTION_DATA, diagnostic(MERCHANT, MERCHANT_KEY), null);
        assertThat(limited.statusCode()).isEqualTo(429);
        long retryAfter = Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1L, 2L);
        Map<String, Object> body = OfficeHttp.parse(limited.body());
        assertThat(body).containsEntry("responseCode", "90");
        assertThat(IndependentSeal.responseSealVerifies(body, MERCHANT_KEY)).isTrue();

        // another merchant has its own budget
        assertThat(http.post(GET_TRANSACTION_DATA, diagnostic(OTHER_MERCHANT, OTHER_MERCHANT_KEY), null)
                .statusCode()).isEqualTo(200);
        // a forged request for the limited merchant does not touch its budget, and is judged (34), not limited
        HttpResponse<byte[]> forged = http.post(GET_TRANSACTION_DATA, diagnostic(MERCHANT, OTHER_MERCHANT_KEY), null);
        assertThat(OfficeHttp.parse(forged.body())).containsEntry("responseCode", "34");

        Thread.sleep(retryAfter * 1000);
        assertThat(http.post(GET_TRANSACTION_DATA, diagnostic(MERCHANT, MERCHANT_KEY), null).statusCode())
                .isEqualTo(200);
    }

    @Test
    @Order(2)
    void aClientFloodingTheApiGets429BeforeAnythingIsParsedThenRecovers() throws Exception {
        OfficeHttp http = new OfficeHttp(RestAssured.port);
        byte[] garbage = "not json".getBytes(StandardCharsets.UTF_8);
        HttpResponse<byte[]> limited = null;
        for (int i = 0; i < 100 && limited == null; i++) {
            HttpResponse<byte[]> response = http.post(GET_TRANSACTION_DATA, garbage, null);
            if (response.statusCode() == 429) {
                limited = response;
            } else {
                assertThat(response.statusCode()).isEqualTo(400);
            }
        }
        assertThat(limited).as("a 429 within 100 requests").isNotNull();
        assertThat(OfficeHttp.parse(limited.body())).containsOnlyKeys("responseCode").containsEntry("responseCode", "90");
        long retryAfter = Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isPositive();

        Thread.sleep(retryAfter * 1000);
        assertThat(http.post(GET_TRANSACTION_DATA, garbage, null).statusCode()).isEqualTo(400);
    }
}
