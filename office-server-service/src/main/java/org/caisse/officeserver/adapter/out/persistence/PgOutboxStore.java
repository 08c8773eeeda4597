package org.caisse.officeserver.adapter.out.persistence;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import org.caisse.officeserver.application.port.out.OutboxMessage;
import org.caisse.officeserver.application.port.out.OutboxStore;

/**
 * The outbox table. A relay pass first takes a transaction-scoped advisory lock, so one replica relays at a time
 * (with two, one could publish a merchant's newer event before another replica published the older one, and
 * the older would then win the compaction of the topic); a replica that does not get the lock publishes nothing
 * this pass. Rows go out in {@code seq} order (a sequence taken at insert, in commit order for one merchant).
 */
@ApplicationScoped
public class PgOutboxStore implements OutboxStore {

    /** Key of the advisory lock held by the relaying replica ("outbox" in ASCII; advisory locks are per database). */
    public static final long RELAY_LOCK_KEY = 0x6f7574626f78L;

    private static final String LEASE = "SELECT pg_try_advisory_xact_lock($1) AS leased";
    private static final String CLAIM = """
            SELECT id, topic, record_key, payload FROM outbox
            WHERE published_at IS NULL
            ORDER BY seq
            LIMIT $1
            FOR UPDATE SKIP LOCKED
            """;
    private static final String MARK_PUBLISHED = "UPDATE outbox SET published_at = now() WHERE id = ANY($1)";

    private final Pool pool;

    @Inject
    public PgOutboxStore(Pool pool) {
        this.pool = pool;
    }

    @Override
    public Uni<Integer> publishPending(int limit, Function<List<OutboxMessage>, Uni<Void>> publisher) {
        return pool.withTransaction(connection -> connection.preparedQuery(LEASE).execute(Tuple.of(RELAY_LOCK_KEY))
                .flatMap(lease -> lease.iterator().next().getBoolean("leased")
                        ? claimAndPublish(connection, limit, publisher) : Uni.createFrom().item(0)));
    }

    private static Uni<Integer> claimAndPublish(SqlConnection connection, int limit,
                                                Function<List<OutboxMessage>, Uni<Void>> publisher) {
        return connection.preparedQuery(CLAIM).execute(Tuple.of(limit))
                .flatMap(rows -> {
                    List<OutboxMessage> messages = new ArrayList<>();
                    for (Row row : rows) {
                        messages.add(new OutboxMessage(row.getUUID("id"), row.getString("topic"),
                                row.getString("record_key"),
                                row.getString("payload").getBytes(StandardCharsets.UTF_8)));
                    }
                    if (messages.isEmpty()) {
                        return Uni.createFrom().item(0);
                    }
                    UUID[] ids = messages.stream().map(OutboxMessage::id).toArray(UUID[]::new);
                    return publisher.apply(messages)
                            .flatMap(published -> connection.preparedQuery(MARK_PUBLISHED)
                                    .execute(Tuple.tuple().addArrayOfUUID(ids)))
                            .map(updated -> messages.size());
                });
    }
}
