package org.caisse.officeserver.adapter.in.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.caisse.officeserver.support.FakeDownstreams.MERCHANT;
import static org.caisse.officeserver.support.FakeDownstreams.MERCHANT_KEY;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import org.caisse.officeserver.support.FakeDownstreams;
import org.caisse.officeserver.support.FakeDownstreamsResource;
import org.caisse.officeserver.support.IndependentSeal;
import org.caisse.officeserver.support.OfficeHttp;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * A cancel that times out toward the authorization service (which applies it anyway, late): 503 / 90 at the
 * timeout, never retried by us, the key released; the merchant's retry with the same key re-sends the same
 * operation id and gets the one cancel that happened, not a second one.
 */
@QuarkusTest
@TestProfile(AuthorizationTimeoutTest.ShortTimeout.class)
@WithTestResource(value = FakeDownstreamsResource.class, scope = TestResourceScope.GLOBAL)
class AuthorizationTimeoutTest {

    private static final String CANCEL = "/rs-services/v2/cashManagement/cancel";

    public static class ShortTimeout implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.fault-tolerance.\"org.caisse.officeserver.adapter.out.authorization."
                    + "AuthorizationHttpExchange/exchange\".timeout.value", "500");
        }
    }

    @ConfigProperty(name = "caisse.authorization.url")
    String authorizationUrl;

    @Test
    void aTimedOutCancelIsNotRetriedAndItsReplayDoesNotCancelTwice() throws Exception {
        String reference = "SLOW" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("currencyCode", "978");
        request.put("interfaceVersion", "CR_WS_2.3");
        request.put("keyVersion", 1);
        request.put("merchantId", MERCHANT);
        request.put("operationAmount", 300);
        request.put("transactionReference", reference);
        byte[] body = OfficeHttp.json(IndependentSeal.sealRequest(request, MERCHANT_KEY));
        OfficeHttp http = new OfficeHttp(RestAssured.port);
        // warm up (key cache, connections) so that the timing below measures the timeout only
        Map<String, Object> warmUp = new LinkedHashMap<>(request);
        warmUp.put("transactionReference", "KNOWN" + reference);
        warmUp.put("operationAmount", 1);
        assertThat(http.post(CANCEL, OfficeHttp.json(IndependentSeal.sealRequest(warmUp, MERCHANT_KEY)), null)
                .statusCode()).isEqualTo(200);

        long start = System.nanoTime();
        HttpResponse<byte[]> timedOut = http.post(CANCEL, body, "cancel-once");
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertThat(timedOut.statusCode()).isEqualTo(503);
        assertThat(OfficeHttp.parse(timedOut.body())).containsEntry("responseCode", "90");
        assertThat(millis).isLessThan(FakeDownstreams.SLOW_MILLIS);
        Thread.sleep(FakeDownstreams.SLOW_MILLIS + 500);
        assertThat(OfficeHttp.authorizationCalls(authorizationUrl, reference)).as("no retry").isEqualTo(1);

        // the merchant retries with the same key: executed again (the outcome was unknown, the key was released)
        // with the same operation id, so the authorization service applies the cancel once in all
        http.post(CANCEL, body, "cancel-once");
        Thread.sleep(FakeDownstreams.SLOW_MILLIS + 500);
        Map<String, Object> state = OfficeHttp.authorizationState(authorizationUrl, reference);
        assertThat(state.get("calls")).isEqualTo(2);
        assertThat(state.get("currentAmount")).isEqualTo(700);
    }
}
