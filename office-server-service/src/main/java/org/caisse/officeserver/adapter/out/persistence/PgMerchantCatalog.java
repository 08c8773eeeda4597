package org.caisse.officeserver.adapter.out.persistence;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import org.caisse.officeserver.application.port.out.MerchantCatalog;
import org.caisse.officeserver.application.port.out.MerchantRevision;
import org.caisse.officeserver.application.port.out.OutboxMessage;
import org.caisse.officeserver.domain.merchant.MerchantSettings;

/** The operators' view of the {@code merchant} table; writes take the same row lock as the internal upsert. */
@ApplicationScoped
public class PgMerchantCatalog implements MerchantCatalog {

    private static final String FIND = "SELECT settings, version, updated_at FROM merchant WHERE merchant_id = $1";
    private static final String LIST = """
            SELECT settings, version, updated_at FROM merchant
            WHERE ($1::varchar IS NULL OR merchant_id > $1) ORDER BY merchant_id LIMIT $2
            """;
    private static final String INSERT = """
            INSERT INTO merchant (merchant_id, settings, version, updated_at)
            VALUES ($1, $2, 1, clock_timestamp())
            ON CONFLICT (merchant_id) DO NOTHING
            RETURNING version, updated_at
            """;
    private static final String LOCK = "SELECT version, settings = $2 AS same FROM merchant WHERE merchant_id = $1 FOR UPDATE";
    private static final String UPDATE = """
            UPDATE merchant SET settings = $2, version = version + 1, updated_at = clock_timestamp()
            WHERE merchant_id = $1 RETURNING version, updated_at
            """;
    private static final String CURRENT_VERSION = "SELECT version FROM merchant WHERE merchant_id = $1";
    private static final String RECORD = "INSERT INTO outbox (id, topic, record_key, payload) VALUES ($1, $2, $3, $4)";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Pool pool;

    public PgMerchantCatalog(Pool pool) {
        this.pool = pool;
    }

    @Override
    public Uni<Optional<StoredMerchant>> find(String merchantId) {
        return pool.preparedQuery(FIND).execute(Tuple.of(merchantId)).map(rows -> rows.size() == 0
                ? Optional.empty()
                : Optional.of(stored(rows.iterator().next())));
    }

    @Override
    public Uni<List<StoredMerchant>> list(String afterMerchantIdOrNull, int limit) {
        return pool.preparedQuery(LIST).execute(Tuple.of(afterMerchantIdOrNull, limit)).map(rows -> {
            List<StoredMerchant> merchants = new ArrayList<>();
            rows.forEach(row -> merchants.add(stored(row)));
            return merchants;
        });
    }

    @Override
    public Uni<WriteResult> create(MerchantSettings settings, Function<MerchantRevision, OutboxMessage> announcement) {
        JsonObject document = new JsonObject(settings.toDocument());
        return pool.withTransaction(connection -> connection.preparedQuery(INSERT)
                .execute(Tuple.of(settings.merchantId(), document))
                .flatMap(rows -> {
                    if (rows.rowCount() == 0) {
                        return connection.preparedQuery(CURRENT_VERSION).execute(Tuple.of(settings.merchantId()))
                                .map(current -> (WriteResult) new WriteResult.Conflict(
                                        current.size() == 0 ? 0 : current.iterator().next().getLong("version")));
                    }
                    return record(connection, rows.iterator().next(), announcement);
                }));
    }

    @Override
    public Uni<WriteResult> replace(MerchantSettings settings, long expectedVersion,
                                    Function<MerchantRevision, OutboxMessage> announcement) {
        JsonObject document = new JsonObject(settings.toDocument());
        return pool.withTransaction(connection -> connection.preparedQuery(LOCK)
                .execute(Tuple.of(settings.merchantId(), document))
                .flatMap(locked -> {
                    if (locked.size() == 0) {
                        return Uni.createFrom().item((WriteResult) new WriteResult.NotFound());
                    }
                    Row current = locked.iterator().next();
                    long version = current.getLong("version");
                    if (version != expectedVersion) {
                        return Uni.createFrom().item((WriteResult) new WriteResult.Conflict(version));
                    }
                    if (Boolean.TRUE.equals(current.getBoolean("same"))) {
                        return Uni.createFrom().item((WriteResult) new WriteResult.Written(version, false));
                    }
                    return connection.preparedQuery(UPDATE).execute(Tuple.of(settings.merchantId(), document))
                            .flatMap(updated -> record(connection, updated.iterator().next(), announcement));
                }));
    }

    private static Uni<WriteResult> record(SqlConnection connection, Row written,
                                           Function<MerchantRevision, OutboxMessage> announcement) {
        MerchantRevision revision = new MerchantRevision(written.getLong("version"),
                written.getOffsetDateTime("updated_at").toInstant());
        OutboxMessage message = announcement.apply(revision);
        return connection.preparedQuery(RECORD).execute(Tuple.tuple()
                        .addUUID(message.id())
                        .addString(message.topic())
                        .addString(message.key())
                        .addString(new String(message.value(), StandardCharsets.UTF_8)))
                .map(inserted -> (WriteResult) new WriteResult.Written(revision.version(), true));
    }

    private static StoredMerchant stored(Row row) {
        Map<String, Object> document;
        try {
            document = JSON.readValue(row.getJsonObject("settings").encode(), new TypeReference<>() { });
        } catch (JsonProcessingException unreadable) {
            throw new IllegalStateException("stored merchant settings are not JSON", unreadable);
        }
        return new StoredMerchant(document, row.getLong("version"),
                row.getOffsetDateTime("updated_at").toInstant());
    }
}
