package org.caisse.common.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ServiceTokenCacheTest {

    private static final Instant T0 = Instant.parse("2026-01-15T10:00:00Z");
    private static final Duration FIVE_MINUTES = Duration.ofMinutes(5);

    /** A clock the test moves by hand. */
    private static final class MutableClock extends Clock {
        private volatile Instant now;

        MutableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }

    private record Signed(String audience, Instant issuedAt, Instant expiresAt) {
    }

    /** Records every call and returns a token naming the audience and the call number. */
    private static final class RecordingSigner implements ServiceTokenSigner {
        final List<Signed> calls = new CopyOnWriteArrayList<>();

        @Override
        public String sign(String audience, Instant issuedAt, Instant expiresAt) {
            calls.add(new Signed(audience, issuedAt, expiresAt));
            return "token-" + audience + "-" + calls.size();
        }
    }

    private final MutableClock clock = new MutableClock(T0);
    private final RecordingSigner signer = new RecordingSigner();

    @Test
    void aTokenIsReusedWhileItIsValidAndBeforeItsRenewalTime() {
        ServiceTokenCache cache = new ServiceTokenCache(signer, FIVE_MINUTES, clock);

        String first = cache.tokenFor("key-management-service");
        clock.advance(Duration.ofMinutes(2));
        String second = cache.tokenFor("key-management-service");
        clock.advance(Duration.ofSeconds(119).plusMillis(999)); // 3 min 59.999 s after signing
        String third = cache.tokenFor("key-management-service");

        assertThat(second).isEqualTo(first);
        assertThat(third).isEqualTo(first);
        assertThat(signer.calls).containsExactly(
                new Signed("key-management-service", T0, T0.plus(FIVE_MINUTES)));
    }

    @Test
    void aTokenIsRenewedOneMinuteBeforeItExpires() {
        ServiceTokenCache cache = new ServiceTokenCache(signer, FIVE_MINUTES, clock);

        String first = cache.tokenFor("authorization-service");
        clock.advance(Duration.ofMinutes(4));
        String renewed = cache.tokenFor("authorization-service");
        clock.advance(Duration.ofSeconds(30));
        String reused = cache.tokenFor("authorization-service");

        Instant renewedAt = T0.plus(Duration.ofMinutes(4));
        assertThat(renewed).isNotEqualTo(first);
        assertThat(reused).isEqualTo(renewed);
        assertThat(signer.calls).containsExactly(
                new Signed("authorization-service", T0, T0.plus(FIVE_MINUTES)),
                new Signed("authorization-service", renewedAt, renewedAt.plus(FIVE_MINUTES)));
    }

    @Test
    void anExpiredTokenIsNeverReturned() {
        ServiceTokenCache cache = new ServiceTokenCache(signer, FIVE_MINUTES, clock);

        String first = cache.tokenFor("authorization-service");
        clock.advance(Duration.ofHours(1));

        assertThat(cache.tokenFor("authorization-service")).isNotEqualTo(first);
        assertThat(signer.calls).hasSize(2);
        assertThat(signer.calls.get(1).expiresAt()).isAfter(clock.instant());
    }

    @Test
    void shortLifetimesAreRenewedAtHalfLife() {
        assertThat(ServiceTokenCache.renewAfter(Duration.ofMinutes(5))).isEqualTo(Duration.ofMinutes(4));
        assertThat(ServiceTokenCache.renewAfter(Duration.ofMinutes(3))).isEqualTo(Duration.ofMinutes(2));
        assertThat(ServiceTokenCache.renewAfter(Duration.ofMinutes(2))).isEqualTo(Duration.ofMinutes(1));
        assertThat(ServiceTokenCache.renewAfter(Duration.ofSeconds(90))).isEqualTo(Duration.ofSeconds(45));

        ServiceTokenCache cache = new ServiceTokenCache(signer, Duration.ofSeconds(90), clock);
        String first = cache.tokenFor("notification-service");
        clock.advance(Duration.ofSeconds(44));
        assertThat(cache.tokenFor("notification-service")).isEqualTo(first);
        clock.advance(Duration.ofSeconds(1));
        assertThat(cache.tokenFor("notification-service")).isNotEqualTo(first);
        assertThat(signer.calls).hasSize(2);
    }

    @Test
    void eachAudienceHasItsOwnTokenAndRenewal() {
        ServiceTokenCache cache = new ServiceTokenCache(signer, FIVE_MINUTES, clock);

        String keys = cache.tokenFor("key-management-service");
        clock.advance(Duration.ofMinutes(2));
        String authorization = cache.tokenFor("authorization-service");

        assertThat(keys).isNotEqualTo(authorization);
        assertThat(signer.calls).extracting(Signed::audience)
                .containsExactly("key-management-service", "authorization-service");

        // Four minutes after the first token: only that audience is due for renewal.
        clock.advance(Duration.ofMinutes(2));
        assertThat(cache.tokenFor("authorization-service")).isEqualTo(authorization);
        assertThat(cache.tokenFor("key-management-service")).isNotEqualTo(keys);
        assertThat(cache.supplierFor("authorization-service").get()).isEqualTo(authorization);
        assertThat(signer.calls).extracting(Signed::audience)
                .containsExactly("key-management-service", "authorization-service", "key-management-service");
    }

    @Test
    void concurrentFirstRequestsForOneAudienceShareOneSignature() throws Exception {
        int callers = 16;
        AtomicInteger signatures = new AtomicInteger();
        CountDownLatch signing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ServiceTokenSigner slowSigner = (audience, issuedAt, expiresAt) -> {
            int n = signatures.incrementAndGet();
            signing.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return "token-" + n;
        };
        ServiceTokenCache cache = new ServiceTokenCache(slowSigner, FIVE_MINUTES, clock);

        List<Thread> threads = new CopyOnWriteArrayList<>();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(callers, r -> {
            Thread t = new Thread(r);
            threads.add(t);
            return t;
        });
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return cache.tokenFor("authorization-service");
                }));
            }
            start.countDown();
            assertThat(signing.await(10, TimeUnit.SECONDS)).isTrue();
            // Let every caller reach the cache (blocked behind the signature, or inside the signer if it were
            // called more than once) before the signature completes.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (threads.size() < callers || threads.stream().anyMatch(t ->
                    t.getState() == Thread.State.RUNNABLE || t.getState() == Thread.State.NEW)) {
                assertThat(System.nanoTime()).as("callers waiting").isLessThan(deadline);
                Thread.sleep(5);
            }
            Thread.sleep(50);
            release.countDown();

            for (Future<String> result : results) {
                assertThat(result.get(10, TimeUnit.SECONDS)).isEqualTo("token-1");
            }
            assertThat(signatures).hasValue(1);
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
    }

    @Test
    void aSignerFailureReachesTheCallerAndIsNotCached() {
        AtomicInteger attempts = new AtomicInteger();
        ServiceTokenCache cache = new ServiceTokenCache((audience, issuedAt, expiresAt) -> {
            if (attempts.incrementAndGet() == 1) {
                throw new IllegalStateException("signing key not readable");
            }
            return "token-" + attempts.get();
        }, FIVE_MINUTES, clock);

        assertThatThrownBy(() -> cache.tokenFor("authorization-service"))
                .isInstanceOf(IllegalStateException.class);
        assertThat(cache.tokenFor("authorization-service")).isEqualTo("token-2");
        assertThat(cache.tokenFor("authorization-service")).isEqualTo("token-2");
        assertThat(attempts).hasValue(2);
    }

    @Test
    void invalidateAllForcesANewSignature() {
        ServiceTokenCache cache = new ServiceTokenCache(signer, FIVE_MINUTES, clock);
        String first = cache.tokenFor("authorization-service");

        cache.invalidateAll();

        assertThat(cache.tokenFor("authorization-service")).isNotEqualTo(first);
        assertThat(signer.calls).hasSize(2);
    }

    @Test
    void aLifetimeThatIsNotPositiveIsRefused() {
        assertThatThrownBy(() -> new ServiceTokenCache(signer, Duration.ZERO, clock))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ServiceTokenCache(signer, Duration.ofSeconds(-1), clock))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
