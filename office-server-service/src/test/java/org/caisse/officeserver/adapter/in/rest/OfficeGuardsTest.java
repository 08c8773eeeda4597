package org.caisse.officeserver.adapter.in.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.caisse.officeserver.support.FakeDownstreams.MERCHANT;
import static org.caisse.officeserver.support.FakeDownstreams.MERCHANT_KEY;
import static org.caisse.officeserver.support.FakeDownstreams.OTHER_MERCHANT_KEY;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import org.caisse.officeserver.support.FakeDownstreamsResource;
import org.caisse.officeserver.support.IndependentSeal;
import org.caisse.officeserver.support.OfficeHttp;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Idempotency-Key (PostgreSQL rows, exact bytes), the 413 body and the circuit breaker toward the authorization
 * service, over raw HTTP (the exact bytes matter).
 */
@QuarkusTest
@WithTestResource(value = FakeDownstreamsResource.class, scope = TestResourceScope.GLOBAL)
class OfficeGuardsTest {

    private static final String GET_TRANSACTION_DATA = "/rs-services/v2/diagnostic/getTransactionData";
    private static final String CANCEL = "/rs-services/v2/cashManagement/cancel";

    @ConfigProperty(name = "caisse.authorization.url")
    String authorizationUrl;

    @Inject
    Pool pool;

    private OfficeHttp http() {
        return new OfficeHttp(RestAssured.port);
    }

    private static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    }

    private static byte[] diagnostic(String reference, String key) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("interfaceVersion", "DR_WS_2.3");
        request.put("keyVersion", 1);
        request.put("merchantId", MERCHANT);
        request.put("transactionReference", reference);
        return OfficeHttp.json(IndependentSeal.sealRequest(request, key));
    }

    private static byte[] cancel(String reference, long amount, String origin) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("currencyCode", "978");
        request.put("interfaceVersion", "CR_WS_2.3");
        request.put("keyVersion", 1);
        request.put("merchantId", MERCHANT);
        request.put("operationAmount", amount);
        request.put("operationOrigin", origin);
        request.put("transactionReference", reference);
        return OfficeHttp.json(IndependentSeal.sealRequest(request, MERCHANT_KEY));
    }

    private int storedKeys(String key) {
        return pool.preparedQuery("SELECT count(*) AS n FROM office_idempotency_key WHERE idempotency_key = $1")
                .execute(Tuple.of(key)).await().indefinitely().iterator().next().getInteger("n");
    }

    @Test
    void tenThousandReplaysOfOneGetTransactionDataAnswerTheSameBytesAndCallDownstreamOnce() throws Exception {
        String reference = unique("KNOWN");
        String key = unique("idem-");
        byte[] body = diagnostic(reference, MERCHANT_KEY);
        HttpResponse<byte[]> first = http().post(GET_TRANSACTION_DATA, body, key);
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(OfficeHttp.parse(first.body()).get("responseCode")).isEqualTo("00");

        ExecutorService clients = Executors.newFixedThreadPool(4);
        try {
            List<Future<HttpResponse<byte[]>>> replays = new ArrayList<>();
            for (int i = 0; i < 10_000; i++) {
                replays.add(clients.submit(() -> http().post(GET_TRANSACTION_DATA, body, key)));
            }
            for (Future<HttpResponse<byte[]>> replay : replays) {
                HttpResponse<byte[]> response = replay.get();
                assertThat(response.statusCode()).isEqualTo(200);
                assertThat(Arrays.equals(response.body(), first.body())).as("replayed bytes").isTrue();
            }
        } finally {
            clients.shutdownNow();
        }
        assertThat(OfficeHttp.authorizationCalls(authorizationUrl, reference)).isEqualTo(1);
    }

    @Test
    void replayedCancelsAnswerTheSameBytesAndCancelOnce() {
        String reference = unique("KNOWN");
        String key = unique("cancel-");
        byte[] body = cancel(reference, 300, "first");
        HttpResponse<byte[]> first = http().post(CANCEL, body, key);
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(OfficeHttp.parse(first.body())).containsEntry("responseCode", "00").containsEntry("newAmount", 700);
        for (int i = 0; i < 200; i++) {
            HttpResponse<byte[]> replay = http().post(CANCEL, body, key);
            assertThat(replay.statusCode()).isEqualTo(200);
            assertThat(Arrays.equals(replay.body(), first.body())).isTrue();
        }
        assertThat(OfficeHttp.authorizationCalls(authorizationUrl, reference)).isEqualTo(1);
        assertThat(storedKeys(key)).isEqualTo(1);
    }

    @Test
    void theSameKeyWithAnotherBodyIs422SealedAndExecutesNothing() {
        String reference = unique("KNOWN");
        String key = unique("idem-");
        assertThat(http().post(CANCEL, cancel(reference, 100, "a"), key).statusCode()).isEqualTo(200);

        HttpResponse<byte[]> other = http().post(CANCEL, cancel(reference, 100, "b"), key);

        assertThat(other.statusCode()).isEqualTo(422);
        Map<String, Object> answer = OfficeHttp.parse(other.body());
        assertThat(answer).containsEntry("responseCode", "30").containsEntry("errorFieldName", "Idempotency-Key");
        assertThat(IndependentSeal.responseSealVerifies(answer, MERCHANT_KEY)).isTrue();
        assertThat(OfficeHttp.authorizationCalls(authorizationUrl, reference)).isEqualTo(1);
    }

    @Test
    void aConcurrentDuplicateIs409ThenTheFinishedAnswerIsReplayed() throws Exception {
        String reference = unique("SLOW");
        String key = unique("idem-");
        byte[] body = diagnostic(reference, MERCHANT_KEY);
        CompletableFuture<HttpResponse<byte[]>> first = CompletableFuture.supplyAsync(
                () -> http().post(GET_TRANSACTION_DATA, body, key));
        Thread.sleep(500);

        HttpResponse<byte[]> duplicate = http().post(GET_TRANSACTION_DATA, body, key);

        assertThat(duplicate.statusCode()).isEqualTo(409);
        assertThat(OfficeHttp.parse(duplicate.body())).containsEntry("responseCode", "99");
        HttpResponse<byte[]> done = first.get();
        assertThat(done.statusCode()).isEqualTo(200);
        HttpResponse<byte[]> replay = http().post(GET_TRANSACTION_DATA, body, key);
        assertThat(replay.body()).isEqualTo(done.body());
        assertThat(OfficeHttp.authorizationCalls(authorizationUrl, reference)).isEqualTo(1);
    }

    @Test
    void anUnauthenticatedRequestNeverClaimsNorReadsAKey() {
        String reference = unique("KNOWN");
        String key = unique("idem-");
        HttpResponse<byte[]> forged = http().post(GET_TRANSACTION_DATA, diagnostic(reference, OTHER_MERCHANT_KEY), key);
        assertThat(forged.statusCode()).isEqualTo(200);
        assertThat(OfficeHttp.parse(forged.body())).containsEntry("responseCode", "34");
        assertThat(storedKeys(key)).isZero();

        // a genuine request with the same key and another body executes: nothing was stored for the forged one
        HttpResponse<byte[]> genuine = http().post(GET_TRANSACTION_DATA, diagnostic(reference, MERCHANT_KEY), key);
        assertThat(OfficeHttp.parse(genuine.body())).containsEntry("responseCode", "00");
        assertThat(storedKeys(key)).isEqualTo(1);
        // and a forged request cannot read the stored answer either
        HttpResponse<byte[]> forgedAgain = http().post(GET_TRANSACTION_DATA,
                diagnostic(reference, OTHER_MERCHANT_KEY), key);
        assertThat(OfficeHttp.parse(forgedAgain.body())).containsOnlyKeys("responseCode", "seal")
                .containsEntry("responseCode", "34");
    }

    @Test
    void anUnknownOutcomeIsNotStoredSoARetryExecutesAgain() {
        String reference = unique("DOWN");
        String key = unique("idem-");
        byte[] body = diagnostic(reference, MERCHANT_KEY);
        assertThat(http().post(GET_TRANSACTION_DATA, body, key).statusCode()).isEqualTo(503);
        assertThat(storedKeys(key)).isZero();
        assertThat(http().post(GET_TRANSACTION_DATA, body, key).statusCode()).isEqualTo(503);
        assertThat(OfficeHttp.authorizationCalls(authorizationUrl, reference)).isEqualTo(2);
    }

    @Test
    void aMalformedIdempotencyKeyIs400WithCode30NamingTheHeader() {
        String reference = unique("KNOWN");
        HttpResponse<byte[]> response = http().post(GET_TRANSACTION_DATA, diagnostic(reference, MERCHANT_KEY),
                "k".repeat(256));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(OfficeHttp.parse(response.body())).containsEntry("responseCode", "30")
                .containsEntry("errorFieldName", "Idempotency-Key");
        assertThat(OfficeHttp.authorizationCalls(authorizationUrl, reference)).isZero();
    }

    @Test
    void expiredKeysArePrunedAndCanBeUsedAgain() {
        String reference = unique("KNOWN");
        String key = unique("idem-");
        assertThat(http().post(GET_TRANSACTION_DATA, diagnostic(reference, MERCHANT_KEY), key).statusCode())
                .isEqualTo(200);
        pool.preparedQuery("UPDATE office_idempotency_key SET expires_at = clock_timestamp() - interval '1 second'"
                + " WHERE idempotency_key = $1").execute(Tuple.of(key)).await().indefinitely();
        pool.preparedQuery("DELETE FROM office_idempotency_key WHERE ctid IN (SELECT ctid FROM office_idempotency_key"
                + " WHERE expires_at <= clock_timestamp() LIMIT 1000)").execute().await().indefinitely();
        assertThat(storedKeys(key)).isZero();
        assertThat(http().post(GET_TRANSACTION_DATA, diagnostic(reference, MERCHANT_KEY), key).statusCode())
                .isEqualTo(200);
        assertThat(OfficeHttp.authorizationCalls(authorizationUrl, reference)).isEqualTo(2);
    }

    @Test
    void aBodyOneByteOverTheLimitIs413WithAJsonBody() {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("interfaceVersion", "DR_WS_2.3");
        request.put("merchantId", MERCHANT);
        request.put("padding", "");
        int overhead = OfficeHttp.json(request).length;
        request.put("padding", "x".repeat(64 * 1024 + 1 - overhead));
        byte[] body = OfficeHttp.json(request);
        assertThat(body).hasSize(64 * 1024 + 1);

        HttpResponse<byte[]> response = http().post(GET_TRANSACTION_DATA, body, null);

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        assertThat(OfficeHttp.parse(response.body())).containsEntry("responseCode", "30");
        // exactly at the limit the body is read (and judged: no seal here → 30 on a common field)
        request.put("padding", "x".repeat(64 * 1024 - overhead));
        assertThat(http().post(GET_TRANSACTION_DATA, OfficeHttp.json(request), null).statusCode()).isEqualTo(200);
    }

    @Test
    void theBreakerOpensAfterFailuresAnswers90WithoutCallingThenClosesAgain() throws Exception {
        for (int i = 0; i < 4; i++) {
            assertThat(http().post(GET_TRANSACTION_DATA, diagnostic(unique("DOWN"), MERCHANT_KEY), null).statusCode())
                    .isEqualTo(503);
        }
        String reference = unique("KNOWN");
        long start = System.nanoTime();
        HttpResponse<byte[]> whileOpen = http().post(GET_TRANSACTION_DATA, diagnostic(reference, MERCHANT_KEY), null);
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(whileOpen.statusCode()).isEqualTo(503);
        assertThat(OfficeHttp.parse(whileOpen.body())).containsEntry("responseCode", "90");
        assertThat(OfficeHttp.authorizationCalls(authorizationUrl, reference)).isZero();
        assertThat(millis).isLessThan(1000);

        Thread.sleep(1300);
        HttpResponse<byte[]> probe = http().post(GET_TRANSACTION_DATA, diagnostic(reference, MERCHANT_KEY), null);
        assertThat(probe.statusCode()).isEqualTo(200);
        assertThat(OfficeHttp.parse(probe.body())).containsEntry("responseCode", "00");
        assertThat(http().post(GET_TRANSACTION_DATA, diagnostic(unique("KNOWN"), MERCHANT_KEY), null).statusCode())
                .isEqualTo(200);
        assertThat(OfficeHttp.authorizationCalls(authorizationUrl, reference)).isEqualTo(1);
    }
}
