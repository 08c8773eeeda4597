package org.caisse.keymanagement.adapter.out.persistence;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.caisse.keymanagement.application.port.out.EncryptedSecret;
import org.caisse.keymanagement.application.port.out.MerchantSecretKeyRepository;
import org.caisse.keymanagement.application.port.out.StoredMerchantSecretKey;
import org.caisse.keymanagement.domain.KeyEnvironment;
import org.caisse.keymanagement.domain.KeyLifecycle;
import org.caisse.keymanagement.domain.KeyStatus;
import org.caisse.keymanagement.domain.KeyVersion;
import org.caisse.keymanagement.domain.MerchantId;
import org.caisse.keymanagement.domain.MerchantKeyId;

/** {@link MerchantSecretKeyRepository} on the reactive PostgreSQL client, table {@code merchant_secret_key}. */
@ApplicationScoped
public class PgMerchantSecretKeyRepository implements MerchantSecretKeyRepository {

    private static final String SELECT_ONE = """
            SELECT merchant_id, key_version, environment, status, not_after, created_at,
                   wrapped_data_key, encrypted_secret, kek_id
              FROM merchant_secret_key
             WHERE merchant_id = $1 AND key_version = $2""";

    private static final String INSERT_IF_ABSENT = """
            INSERT INTO merchant_secret_key (merchant_id, key_version, environment, status, not_after, created_at,
                                             wrapped_data_key, encrypted_secret, kek_id, activated_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
            ON CONFLICT (merchant_id, key_version) DO NOTHING""";

    private final Pool pool;

    public PgMerchantSecretKeyRepository(Pool pool) {
        this.pool = pool;
    }

    @Override
    public Uni<Optional<StoredMerchantSecretKey>> find(MerchantKeyId id) {
        return pool.preparedQuery(SELECT_ONE)
                .execute(Tuple.of(id.merchantId().value(), id.keyVersion().value()))
                .map(PgMerchantSecretKeyRepository::firstRow);
    }

    @Override
    public Uni<Boolean> insertIfAbsent(StoredMerchantSecretKey key) {
        Tuple values = Tuple.tuple()
                .addString(key.id().merchantId().value())
                .addInteger(key.id().keyVersion().value())
                .addString(key.environment().name())
                .addString(key.lifecycle().status().name())
                .addOffsetDateTime(key.lifecycle().notAfter().map(PgMerchantSecretKeyRepository::utc).orElse(null))
                .addOffsetDateTime(utc(key.createdAt()))
                .addBuffer(key.encryptedSecret().map(e -> Buffer.buffer(e.wrappedDataKey())).orElse(null))
                .addBuffer(key.encryptedSecret().map(e -> Buffer.buffer(e.encryptedSecret())).orElse(null))
                .addString(key.encryptedSecret().map(EncryptedSecret::kekId).orElse(null))
                .addOffsetDateTime(key.lifecycle().status() == KeyStatus.REQUESTED ? null : utc(key.createdAt()));
        return pool.withTransaction(connection -> connection.preparedQuery(INSERT_IF_ABSENT).execute(values))
                .map(result -> result.rowCount() == 1);
    }

    private static final String TOUCH = """
            UPDATE merchant_secret_key SET last_used_at = $3
             WHERE merchant_id = $1 AND key_version = $2
               AND (last_used_at IS NULL OR last_used_at < $3::timestamptz - interval '1 minute')""";

    @Override
    public Uni<Void> recordUse(MerchantKeyId id, Instant now) {
        return pool.preparedQuery(TOUCH)
                .execute(Tuple.of(id.merchantId().value(), id.keyVersion().value(), utc(now)))
                .replaceWithVoid();
    }

    private static Optional<StoredMerchantSecretKey> firstRow(RowSet<Row> rows) {
        var iterator = rows.iterator();
        return iterator.hasNext() ? Optional.of(toStored(iterator.next())) : Optional.empty();
    }

    private static StoredMerchantSecretKey toStored(Row row) {
        MerchantKeyId id = new MerchantKeyId(MerchantId.of(row.getString("merchant_id")),
                KeyVersion.of(row.getInteger("key_version")));
        OffsetDateTime notAfter = row.getOffsetDateTime("not_after");
        KeyLifecycle lifecycle = KeyLifecycle.of(KeyStatus.valueOf(row.getString("status")),
                notAfter == null ? null : notAfter.toInstant());
        Buffer wrapped = row.getBuffer("wrapped_data_key");
        Buffer encrypted = row.getBuffer("encrypted_secret");
        Optional<EncryptedSecret> material = wrapped == null || encrypted == null
                ? Optional.empty()
                : Optional.of(new EncryptedSecret(row.getString("kek_id"), wrapped.getBytes(), encrypted.getBytes()));
        return new StoredMerchantSecretKey(id, KeyEnvironment.valueOf(row.getString("environment")), lifecycle,
                row.getOffsetDateTime("created_at").toInstant(), material);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
