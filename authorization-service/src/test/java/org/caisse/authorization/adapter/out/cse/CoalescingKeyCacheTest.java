package org.caisse.authorization.adapter.out.cse;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class CoalescingKeyCacheTest {

    private final AtomicLong now = new AtomicLong();
    private final AtomicInteger loads = new AtomicInteger();

    private CompletableFuture<String> load(String key) {
        loads.incrementAndGet();
        return CompletableFuture.completedFuture(key + "#" + loads.get());
    }

    @Test
    void anAnswerIsKeptForItsLifetimeOnly() {
        CoalescingKeyCache<String, String> cache = new CoalescingKeyCache<>(v -> Duration.ofNanos(100), 10, now::get);
        assertThat(cache.get("a", this::load).join()).isEqualTo("a#1");
        now.addAndGet(99);
        assertThat(cache.get("a", this::load).join()).isEqualTo("a#1");
        now.addAndGet(1);
        assertThat(cache.get("a", this::load).join()).isEqualTo("a#2");
    }

    @Test
    void aFailedLoadIsNotKept() {
        CoalescingKeyCache<String, String> cache = new CoalescingKeyCache<>(v -> Duration.ofHours(1), 10, now::get);
        assertThat(cache.get("a", k -> CompletableFuture.failedFuture(new IllegalStateException("down"))))
                .isCompletedExceptionally();
        assertThat(cache.get("a", this::load).join()).isEqualTo("a#1");
    }

    @Test
    void aPendingLoadIsSharedAndCallersCannotCompleteItForOthers() {
        CoalescingKeyCache<String, String> cache = new CoalescingKeyCache<>(v -> Duration.ofHours(1), 10, now::get);
        CompletableFuture<String> pending = new CompletableFuture<>();
        CompletableFuture<String> first = cache.get("a", k -> pending);
        CompletableFuture<String> second = cache.get("a", this::load);
        first.complete("forged");
        pending.complete("real");
        assertThat(second.join()).isEqualTo("real");
        assertThat(loads).hasValue(0);
    }

    @Test
    void theCacheStaysBounded() {
        CoalescingKeyCache<String, String> cache = new CoalescingKeyCache<>(v -> Duration.ofHours(1), 10, now::get);
        for (int i = 0; i < 100; i++) {
            cache.get("k" + i, this::load).join();
        }
        assertThat(cache.size()).isLessThanOrEqualTo(11);
    }
}
