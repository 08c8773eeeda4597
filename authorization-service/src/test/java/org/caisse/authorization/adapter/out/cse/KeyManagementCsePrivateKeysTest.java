package org.caisse.authorization.adapter.out.cse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.nimbusds.jose.jwk.ECKey;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.caisse.authorization.application.port.out.CardDecryptionException;
import org.caisse.authorization.application.port.out.CardDecryptionException.Reason;
import org.caisse.authorization.application.port.out.DecryptedCard;
import org.caisse.authorization.support.CseBlobs;
import org.caisse.authorization.support.FakeKeyManagement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The key-management client against a real HTTP server that speaks key-management-service's CSE key contract. */
class KeyManagementCsePrivateKeysTest {

    private static final String MERCHANT = "002001000000001";
    private static final String TOKEN = "service-token-for-tests";
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final FakeKeyManagement server = FakeKeyManagement.start().acceptTokens(TOKEN::equals);
    private final ECKey key = CseBlobs.newKeyPair(MERCHANT);

    @AfterEach
    void stop() {
        server.close();
    }

    private KeyManagementCsePrivateKeys client(URI url, Duration requestTimeout) {
        return new KeyManagementCsePrivateKeys(url, () -> TOKEN, Duration.ofMinutes(5), Duration.ofMillis(500),
                requestTimeout, Clock.systemUTC());
    }

    private KeyManagementCsePrivateKeys client() {
        return client(server.url(), Duration.ofSeconds(2));
    }

    private static Reason reasonOf(KeyManagementCsePrivateKeys client, String merchantId, String kid) {
        Throwable thrown = catchThrowable(() -> client.privateKey(merchantId, kid).await().atMost(WAIT));
        assertThat(thrown).isInstanceOf(CardDecryptionException.class);
        return ((CardDecryptionException) thrown).reason();
    }

    @Test
    void aServedKeyIsReturnedWithTheServiceTokenAndThenCached() {
        server.register(MERCHANT, key);
        KeyManagementCsePrivateKeys client = client();

        ECKey first = client.privateKey(MERCHANT, key.getKeyID()).await().atMost(WAIT);
        ECKey second = client.privateKey(MERCHANT, key.getKeyID()).await().atMost(WAIT);

        assertThat(first.isPrivate()).isTrue();
        assertThat(first.getD()).isEqualTo(key.getD());
        assertThat(second).isEqualTo(first);
        assertThat(server.requestCount()).isEqualTo(1);
        assertThat(server.authorizations()).containsExactly("Bearer " + TOKEN);
    }

    @Test
    void decryptsEndToEndWithTheKeyFromTheServer() {
        server.register(MERCHANT, key);
        JweEncryptedCardDecryptor decryptor = new JweEncryptedCardDecryptor(client(), Clock.systemUTC(),
                Duration.ofHours(24), Duration.ofMinutes(5));
        DecryptedCard card = decryptor.decrypt(MERCHANT,
                CseBlobs.encrypt(key.toPublicJWK(), "4100000000000005", "202812", "123")).await().atMost(WAIT);
        assertThat(card.pan()).isEqualTo("4100000000000005");
        assertThat(card.csc()).isEqualTo("123");
    }

    @Test
    void anUnknownKidOrAnotherMerchantsKidIsUnknownAndTheAnswerIsCachedBriefly() {
        server.register(MERCHANT, key);
        KeyManagementCsePrivateKeys client = client();
        assertThat(reasonOf(client, "002001000000002", key.getKeyID())).isEqualTo(Reason.UNKNOWN_KEY);
        assertThat(reasonOf(client, "002001000000002", key.getKeyID())).isEqualTo(Reason.UNKNOWN_KEY);
        assertThat(server.requestCount()).isEqualTo(1);
    }

    @Test
    void aDeactivatedOrExpiredKeyIsNotUsable() {
        ECKey expired = CseBlobs.newKeyPair(MERCHANT);
        server.register(MERCHANT, key, "DEACTIVATED", null);
        server.register(MERCHANT, expired, "DEPRECATED", Instant.now().minusSeconds(60));
        KeyManagementCsePrivateKeys client = client();
        assertThat(reasonOf(client, MERCHANT, key.getKeyID())).isEqualTo(Reason.KEY_NOT_USABLE);
        assertThat(reasonOf(client, MERCHANT, expired.getKeyID())).isEqualTo(Reason.KEY_NOT_USABLE);
    }

    @Test
    void aKeyIsNotCachedPastItsNotAfter() throws InterruptedException {
        server.register(MERCHANT, key, "DEPRECATED", Instant.now().plusMillis(700));
        KeyManagementCsePrivateKeys client = client();
        assertThat(client.privateKey(MERCHANT, key.getKeyID()).await().atMost(WAIT).isPrivate()).isTrue();

        Thread.sleep(900);

        assertThat(reasonOf(client, MERCHANT, key.getKeyID())).isEqualTo(Reason.KEY_NOT_USABLE);
        assertThat(server.requestCount()).isEqualTo(2);
    }

    @Test
    void aRefusedTokenOrAServerErrorMeansUnavailableAndIsNotCached() {
        server.register(MERCHANT, key).acceptTokens(token -> false);
        KeyManagementCsePrivateKeys client = client();
        assertThat(reasonOf(client, MERCHANT, key.getKeyID())).isEqualTo(Reason.KEY_SERVICE_UNAVAILABLE);

        server.answerAlways(500, "{\"status\":500}");
        assertThat(reasonOf(client, MERCHANT, key.getKeyID())).isEqualTo(Reason.KEY_SERVICE_UNAVAILABLE);

        server.answerAlways(null, null).acceptTokens(TOKEN::equals);
        assertThat(client.privateKey(MERCHANT, key.getKeyID()).await().atMost(WAIT).isPrivate()).isTrue();
        assertThat(server.requestCount()).isEqualTo(3);
    }

    @Test
    void answersThatAreNotAUsablePrivateKeyOfThatKidMeanUnavailable() {
        KeyManagementCsePrivateKeys client = client();
        String kid = key.getKeyID();
        List<String> bodies = List.of(
                "not json",
                "{\"merchantId\":\"" + MERCHANT + "\",\"kid\":\"" + kid + "\"}",
                "{\"merchantId\":\"" + MERCHANT + "\",\"kid\":\"" + kid + "\",\"privateJwk\":"
                        + key.toPublicJWK().toJSONString() + "}",
                "{\"merchantId\":\"" + MERCHANT + "\",\"kid\":\"other\",\"privateJwk\":" + key.toJSONString() + "}",
                "{\"merchantId\":\"002001000000002\",\"kid\":\"" + kid + "\",\"privateJwk\":" + key.toJSONString()
                        + "}");
        for (String body : bodies) {
            client.invalidateAll();
            server.answerAlways(200, body);
            assertThat(reasonOf(client, MERCHANT, kid)).as(body).isEqualTo(Reason.KEY_SERVICE_UNAVAILABLE);
        }
    }

    @Test
    void aStoppedKeyServiceFailsFast() throws Exception {
        int freePort;
        try (ServerSocket socket = new ServerSocket(0)) {
            freePort = socket.getLocalPort();
        }
        KeyManagementCsePrivateKeys client = client(URI.create("http://127.0.0.1:" + freePort), Duration.ofSeconds(2));
        long started = System.nanoTime();
        assertThat(reasonOf(client, MERCHANT, key.getKeyID())).isEqualTo(Reason.KEY_SERVICE_UNAVAILABLE);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void aHangingKeyServiceFailsAtTheRequestTimeout() {
        server.register(MERCHANT, key).delayAnswers(Duration.ofSeconds(5));
        KeyManagementCsePrivateKeys client = client(server.url(), Duration.ofMillis(300));
        long started = System.nanoTime();
        assertThat(reasonOf(client, MERCHANT, key.getKeyID())).isEqualTo(Reason.KEY_SERVICE_UNAVAILABLE);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void concurrentMissesOfOneKeyShareOneRequest() throws Exception {
        server.register(MERCHANT, key).delayAnswers(Duration.ofMillis(300));
        KeyManagementCsePrivateKeys client = client();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<CompletableFuture<ECKey>> calls = java.util.stream.IntStream.range(0, 16)
                    .mapToObj(i -> CompletableFuture.supplyAsync(
                            () -> client.privateKey(MERCHANT, key.getKeyID()).await().atMost(WAIT), pool))
                    .toList();
            for (CompletableFuture<ECKey> call : calls) {
                assertThat(call.get().getKeyID()).isEqualTo(key.getKeyID());
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(server.requestCount()).isEqualTo(1);
    }
}
