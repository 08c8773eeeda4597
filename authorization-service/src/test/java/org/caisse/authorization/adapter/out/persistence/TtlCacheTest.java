package org.caisse.authorization.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TtlCacheTest {

    final AtomicLong now = new AtomicLong(1_000);
    final TtlCache<String, String> cache = new TtlCache<>(Duration.ofSeconds(5), now::get, 3);

    @Test
    void anEntryLivesForTheTtlThenGoes() {
        cache.put("a", "rules");
        now.addAndGet(Duration.ofMillis(4_999).toNanos());
        assertThat(cache.get("a")).contains("rules");
        now.addAndGet(Duration.ofMillis(1).toNanos());
        assertThat(cache.get("a")).isEmpty();
        assertThat(cache.size()).isZero();
    }

    @Test
    void invalidateDropsAnEntryAtOnce() {
        cache.put("a", "rules");
        cache.invalidate("a");
        assertThat(cache.get("a")).isEmpty();
    }

    @Test
    void theCacheStaysWithinItsBound() {
        cache.put("a", "1");
        cache.put("b", "2");
        now.addAndGet(Duration.ofSeconds(6).toNanos());
        cache.put("c", "3");
        cache.put("d", "4");
        assertThat(cache.size()).isLessThanOrEqualTo(3);
        assertThat(cache.get("d")).contains("4");
        cache.put("e", "5");
        cache.put("f", "6");
        assertThat(cache.size()).isLessThanOrEqualTo(3);
        assertThat(cache.get("f")).contains("6");
    }

    @Test
    void aZeroTtlCachesNothing() {
        TtlCache<String, String> off = new TtlCache<>(Duration.ZERO, now::get, 3);
        off.put("a", "rules");
        assertThat(off.get("a")).isEmpty();
    }
}
