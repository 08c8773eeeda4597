package org.caisse.authorization.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.caisse.authorization.config.AuthorizationConfig;
import org.junit.jupiter.api.Test;

/** Published events leave the outbox after the retention period; nothing the relay still has to send does. */
@QuarkusTest
class OutboxPrunerTest {

    @Inject
    OutboxPruner pruner;

    @Inject
    Pool pool;

    @Inject
    AuthorizationConfig config;

    @Test
    void deletesPublishedEventsOlderThanTheCutoffOnlyAcrossSeveralBatches() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Instant old = now.minus(Duration.ofDays(3));
        Instant cutoff = now.minus(Duration.ofDays(1));
        int oldPublishedCount = config.outbox().pruneBatchSize() + 7;
        List<UUID> oldPublished = new ArrayList<>();
        for (int i = 0; i < oldPublishedCount; i++) {
            oldPublished.add(insert(old, old.plusSeconds(1)));
        }
        // written long ago, not published (the relay was down): kept whatever its age, whether the running relay
        // publishes it before the pruner runs (stamped now, so within the retention) or not
        UUID oldUnpublished = insertUnpublished(old);
        UUID recentPublished = insert(now.minusSeconds(60), now.minusSeconds(59));
        UUID publishedAfterTheCutoff = insert(old, now.minusSeconds(10));

        long deleted = pruner.pruneOlderThan(cutoff).await().atMost(Duration.ofSeconds(30));

        assertThat(deleted).isGreaterThanOrEqualTo(oldPublishedCount);
        assertThat(existing(oldPublished)).isZero();
        assertThat(existing(List.of(oldUnpublished, recentPublished, publishedAfterTheCutoff))).isEqualTo(3);
        assertThat(pruner.pruneOlderThan(cutoff).await().atMost(Duration.ofSeconds(30)))
                .as("a second run finds nothing left to delete").isZero();
    }

    private UUID insert(Instant createdAt, Instant publishedAt) {
        UUID id = UUID.randomUUID();
        pool.preparedQuery("""
                        INSERT INTO outbox (id, topic, record_key, payload, created_at, published_at)
                        VALUES ($1, $2, $3, $4, $5, $6)""")
                .execute(Tuple.from(List.of(id, config.topics().transactions(), "prune-test:" + id,
                        Buffer.buffer("{}"), utc(createdAt), utc(publishedAt))))
                .await().indefinitely();
        return id;
    }

    private UUID insertUnpublished(Instant createdAt) {
        UUID id = UUID.randomUUID();
        pool.preparedQuery("""
                        INSERT INTO outbox (id, topic, record_key, payload, created_at, published_at)
                        VALUES ($1, $2, $3, $4, $5, NULL)""")
                .execute(Tuple.of(id, config.topics().transactions(), "prune-test:" + id,
                        Buffer.buffer("{}"), utc(createdAt)))
                .await().indefinitely();
        return id;
    }

    private long existing(List<UUID> ids) {
        return pool.preparedQuery("SELECT count(*) FROM outbox WHERE id = ANY($1)")
                .execute(Tuple.of(ids.toArray(UUID[]::new))).await().indefinitely().iterator().next().getLong(0);
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
