package org.caisse.keymanagement.adapter.out.persistence;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.caisse.keymanagement.application.port.out.CseKeyRepository;
import org.caisse.keymanagement.application.port.out.EncryptedSecret;
import org.caisse.keymanagement.application.port.out.StoredCseKey;
import org.caisse.keymanagement.domain.KeyLifecycle;
import org.caisse.keymanagement.domain.KeyStatus;
import org.caisse.keymanagement.domain.MerchantId;
import org.caisse.keymanagement.domain.cse.CseKeyId;
import org.caisse.keymanagement.domain.cse.CsePublicJwk;
import org.caisse.keymanagement.domain.cse.CsePublicKey;

/** {@link CseKeyRepository} on the reactive PostgreSQL client, table {@code merchant_cse_key}. */
@ApplicationScoped
public class PgCseKeyRepository implements CseKeyRepository {

    private static final String SELECT_ONE = """
            SELECT merchant_id, kid, status, not_after, created_at, public_jwk, wrapped_data_key, encrypted_private_key,
                   kek_id
              FROM merchant_cse_key
             WHERE merchant_id = $1 AND kid = $2""";

    private static final String SELECT_PUBLIC_BY_MERCHANT = """
            SELECT merchant_id, kid, status, not_after, created_at, public_jwk
              FROM merchant_cse_key
             WHERE merchant_id = $1
             ORDER BY created_at DESC, kid""";

    private static final String INSERT_IF_ABSENT = """
            INSERT INTO merchant_cse_key (merchant_id, kid, status, not_after, created_at, public_jwk,
                                          wrapped_data_key, encrypted_private_key, kek_id, activated_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $5)
            ON CONFLICT DO NOTHING""";

    private final Pool pool;

    public PgCseKeyRepository(Pool pool) {
        this.pool = pool;
    }

    @Override
    public Uni<Optional<StoredCseKey>> find(CseKeyId id) {
        return pool.preparedQuery(SELECT_ONE)
                .execute(Tuple.of(id.merchantId().value(), id.kid()))
                .map(rows -> {
                    var iterator = rows.iterator();
                    return iterator.hasNext() ? Optional.of(toStored(iterator.next(), true)) : Optional.empty();
                });
    }

    @Override
    public Uni<List<StoredCseKey>> findPublicByMerchant(MerchantId merchantId) {
        return pool.preparedQuery(SELECT_PUBLIC_BY_MERCHANT)
                .execute(Tuple.of(merchantId.value()))
                .map(PgCseKeyRepository::allPublic);
    }

    @Override
    public Uni<Boolean> insertIfAbsent(StoredCseKey key) {
        CsePublicKey publicKey = key.publicKey();
        Tuple values = Tuple.tuple()
                .addString(publicKey.id().merchantId().value())
                .addString(publicKey.id().kid())
                .addString(publicKey.lifecycle().status().name())
                .addOffsetDateTime(publicKey.lifecycle().notAfter().map(t -> t.atOffset(ZoneOffset.UTC)).orElse(null))
                .addOffsetDateTime(publicKey.createdAt().atOffset(ZoneOffset.UTC))
                .addString(publicKey.publicJwk().json())
                .addBuffer(key.encryptedPrivateKey().map(e -> Buffer.buffer(e.wrappedDataKey())).orElse(null))
                .addBuffer(key.encryptedPrivateKey().map(e -> Buffer.buffer(e.encryptedSecret())).orElse(null))
                .addString(key.encryptedPrivateKey().map(EncryptedSecret::kekId).orElse(null));
        return pool.withTransaction(connection -> connection.preparedQuery(INSERT_IF_ABSENT).execute(values))
                .map(result -> result.rowCount() == 1);
    }

    private static List<StoredCseKey> allPublic(RowSet<Row> rows) {
        List<StoredCseKey> keys = new ArrayList<>(rows.size());
        rows.forEach(row -> keys.add(toStored(row, false)));
        return keys;
    }

    private static StoredCseKey toStored(Row row, boolean withPrivateKey) {
        CseKeyId id = new CseKeyId(MerchantId.of(row.getString("merchant_id")), row.getString("kid"));
        OffsetDateTime notAfter = row.getOffsetDateTime("not_after");
        KeyLifecycle lifecycle = KeyLifecycle.of(KeyStatus.valueOf(row.getString("status")),
                notAfter == null ? null : notAfter.toInstant());
        CsePublicKey publicKey = new CsePublicKey(id, lifecycle, row.getOffsetDateTime("created_at").toInstant(),
                new CsePublicJwk(row.getString("public_jwk")));
        Optional<EncryptedSecret> privateKey = Optional.empty();
        if (withPrivateKey) {
            Buffer wrapped = row.getBuffer("wrapped_data_key");
            Buffer encrypted = row.getBuffer("encrypted_private_key");
            if (wrapped != null && encrypted != null) {
                privateKey = Optional.of(new EncryptedSecret(row.getString("kek_id"), wrapped.getBytes(),
                        encrypted.getBytes()));
            }
        }
        return new StoredCseKey(publicKey, privateKey);
    }
}
