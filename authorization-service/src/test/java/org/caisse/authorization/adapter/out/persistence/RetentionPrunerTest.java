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

/**
 * Published events leave the outbox after the retention period, nothing the relay still has to send does; abandoned
 * 3-D Secure authentications go once expired long enough, live ones stay.
 */
@QuarkusTest
class RetentionPrunerTest {

    @Inject
    RetentionPruner pruner;

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

        long deleted = pruner.pruneOutbox(cutoff).await().atMost(Duration.ofSeconds(30));

        assertThat(deleted).isGreaterThanOrEqualTo(oldPublishedCount);
        assertThat(existing(oldPublished)).isZero();
        assertThat(existing(List.of(oldUnpublished, recentPublished, publishedAfterTheCutoff))).isEqualTo(3);
        assertThat(pruner.pruneOutbox(cutoff).await().atMost(Duration.ofSeconds(30)))
                .as("a second run finds nothing left to delete").isZero();
    }

    @Test
    void deletesPendingAuthenticationsExpiredBeforeTheCutoffOnly() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        UUID abandoned = pendingAuthentication(now.minus(Duration.ofDays(2)));
        UUID justExpired = pendingAuthentication(now.minus(Duration.ofMinutes(5)));
        UUID live = pendingAuthentication(now.plus(Duration.ofMinutes(10)));

        long deleted = pruner.purgeAuthentications(now.minus(Duration.ofDays(1))).await().atMost(Duration.ofSeconds(30));

        assertThat(deleted).isGreaterThanOrEqualTo(1);
        assertThat(pendingExisting(List.of(abandoned))).isZero();
        assertThat(pendingExisting(List.of(justExpired, live))).isEqualTo(2);
    }

    private UUID pendingAuthentication(Instant expiresAt) {
        UUID id = UUID.randomUUID();
        pool.preparedQuery("""
                        INSERT INTO pending_authentication (id, merchant_id, transaction_reference, request, card_id,
                                                            three_ds_mandatory, expires_at)
                        VALUES ($1, '002001000000001', $2, '{}'::jsonb, $3, false, $4)""")
                .execute(Tuple.of(id, "P" + id.toString().substring(0, 20), UUID.randomUUID(), utc(expiresAt)))
                .await().indefinitely();
        return id;
    }

    private long pendingExisting(List<UUID> ids) {
        return pool.preparedQuery("SELECT count(*) FROM pending_authentication WHERE id = ANY($1)")
                .execute(Tuple.of(ids.toArray(UUID[]::new))).await().indefinitely().iterator().next().getLong(0);
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
