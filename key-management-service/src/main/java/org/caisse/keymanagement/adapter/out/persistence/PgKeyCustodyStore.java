package org.caisse.keymanagement.adapter.out.persistence;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.caisse.common.event.EventEnvelope;
import org.caisse.common.event.EventEnvelopeCodec;
import org.caisse.keymanagement.application.CseKeyView;
import org.caisse.keymanagement.application.port.out.EncryptedSecret;
import org.caisse.keymanagement.application.port.out.KeyCustodyStore;
import org.caisse.keymanagement.application.port.out.KeyCustodyTransaction;
import org.caisse.keymanagement.application.port.out.StoredCseKey;
import org.caisse.keymanagement.domain.KeyEnvironment;
import org.caisse.keymanagement.domain.KeyLifecycle;
import org.caisse.keymanagement.domain.KeyStatus;
import org.caisse.keymanagement.domain.KeyVersion;
import org.caisse.keymanagement.domain.MerchantId;
import org.caisse.keymanagement.domain.MerchantKeyId;
import org.caisse.keymanagement.domain.cse.CseKeyId;
import org.caisse.keymanagement.domain.custody.AuditEntry;
import org.caisse.keymanagement.domain.custody.KeyEvent;
import org.caisse.keymanagement.domain.custody.RevocationApproval;
import org.caisse.keymanagement.domain.custody.SealKeyVersion;

/** {@link KeyCustodyStore} on the reactive PostgreSQL client: key tables, outbox, audit log, revocations. */
@ApplicationScoped
public class PgKeyCustodyStore implements KeyCustodyStore {

    /** CloudEvents {@code source} of every key event. */
    public static final String EVENT_SOURCE = "/caisse/key-management-service";

    private static final String SEAL_COLUMNS = """
            merchant_id, key_version, environment, status, not_after, created_at, activated_at, downloaded_at,
            deactivated_at, destroyed_at, last_used_at""";
    private static final String SELECT_SEAL = "SELECT " + SEAL_COLUMNS
            + " FROM merchant_secret_key WHERE merchant_id = $1 ORDER BY key_version";
    private static final String INSERT_SEAL = """
            INSERT INTO merchant_secret_key (merchant_id, key_version, environment, status, not_after, created_at,
                                             wrapped_data_key, encrypted_secret, kek_id)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)""";
    private static final String UPDATE_SEAL = """
            UPDATE merchant_secret_key
               SET status = $3, not_after = $4, activated_at = $5, deactivated_at = $6, destroyed_at = $7,
                   wrapped_data_key = CASE WHEN $3::varchar = 'DESTROYED' THEN NULL ELSE wrapped_data_key END,
                   encrypted_secret = CASE WHEN $3::varchar = 'DESTROYED' THEN NULL ELSE encrypted_secret END,
                   kek_id = CASE WHEN $3::varchar = 'DESTROYED' THEN NULL ELSE kek_id END
             WHERE merchant_id = $1 AND key_version = $2""";
    private static final String CLAIM_DOWNLOAD = """
            UPDATE merchant_secret_key SET downloaded_at = $3
             WHERE merchant_id = $1 AND key_version = $2 AND downloaded_at IS NULL
               AND status IN ('REQUESTED', 'ACTIVE')
            RETURNING kek_id, wrapped_data_key, encrypted_secret""";
    private static final String SELECT_CSE = """
            SELECT merchant_id, kid, status, not_after, created_at, activated_at, deactivated_at
              FROM merchant_cse_key WHERE merchant_id = $1 ORDER BY created_at DESC, kid""";
    private static final String INSERT_CSE = """
            INSERT INTO merchant_cse_key (merchant_id, kid, status, not_after, created_at, public_jwk,
                                          wrapped_data_key, encrypted_private_key, kek_id, activated_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $5)""";
    private static final String UPDATE_CSE = """
            UPDATE merchant_cse_key
               SET status = $3, not_after = $4,
                   deactivated_at = CASE WHEN $3::varchar IN ('DEACTIVATED', 'DESTROYED') THEN $5 ELSE deactivated_at END
             WHERE merchant_id = $1 AND kid = $2""";
    private static final String INSERT_REVOCATION = """
            INSERT INTO key_revocation_approval (id, merchant_id, key_version, requested_by, reason, requested_at,
                                                 expires_at, status, approved_by, approved_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)""";
    private static final String SELECT_REVOCATION = """
            SELECT id, merchant_id, key_version, requested_by, reason, requested_at, expires_at, status, approved_by,
                   approved_at
              FROM key_revocation_approval WHERE id = $1 FOR UPDATE""";
    private static final String SELECT_PENDING_REVOCATIONS = """
            SELECT id, merchant_id, key_version, requested_by, reason, requested_at, expires_at, status, approved_by,
                   approved_at
              FROM key_revocation_approval
             WHERE merchant_id = $1 AND status = 'PENDING' AND expires_at > $2
             ORDER BY requested_at""";
    private static final String UPDATE_REVOCATION = """
            UPDATE key_revocation_approval SET status = $2, approved_by = $3, approved_at = $4 WHERE id = $1""";
    private static final String INSERT_OUTBOX = """
            INSERT INTO key_event_outbox (id, merchant_id, event_type, payload, created_at)
            VALUES ($1, $2, $3, $4, $5)""";
    private static final String INSERT_AUDIT = """
            INSERT INTO key_audit_log (occurred_at, actor, actor_role, origin, action, outcome, merchant_id,
                                       key_version, kid, detail)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)""";

    private final Pool pool;

    public PgKeyCustodyStore(Pool pool) {
        this.pool = pool;
    }

    @Override
    public <T> Uni<T> inTransaction(Function<KeyCustodyTransaction, Uni<T>> work) {
        return pool.withTransaction(connection -> work.apply(new PgTransaction(connection)));
    }

    @Override
    public Uni<List<SealKeyVersion>> sealKeys(MerchantId merchantId) {
        return sealKeys(pool, merchantId);
    }

    @Override
    public Uni<List<CseKeyView>> cseKeys(MerchantId merchantId) {
        return cseKeys(pool, merchantId);
    }

    @Override
    public Uni<List<RevocationApproval>> pendingRevocations(MerchantId merchantId, Instant now) {
        return pool.preparedQuery(SELECT_PENDING_REVOCATIONS)
                .execute(Tuple.of(merchantId.value(), utc(now)))
                .map(rows -> {
                    List<RevocationApproval> pending = new ArrayList<>(rows.size());
                    rows.forEach(row -> pending.add(toRevocation(row)));
                    return pending;
                });
    }

    private static RevocationApproval toRevocation(Row row) {
        return new RevocationApproval(row.getUUID("id"),
                new MerchantKeyId(MerchantId.of(row.getString("merchant_id")),
                        KeyVersion.of(row.getInteger("key_version"))),
                row.getString("requested_by"), row.getString("reason"), instant(row, "requested_at"),
                instant(row, "expires_at"), RevocationApproval.Status.valueOf(row.getString("status")),
                Optional.ofNullable(row.getString("approved_by")),
                Optional.ofNullable(instant(row, "approved_at")));
    }

    private static Uni<List<SealKeyVersion>> sealKeys(SqlClient client, MerchantId merchantId) {
        return client.preparedQuery(SELECT_SEAL).execute(Tuple.of(merchantId.value())).map(rows -> {
            List<SealKeyVersion> versions = new ArrayList<>(rows.size());
            rows.forEach(row -> versions.add(toSealKey(row)));
            return versions;
        });
    }

    private static Uni<List<CseKeyView>> cseKeys(SqlClient client, MerchantId merchantId) {
        return client.preparedQuery(SELECT_CSE).execute(Tuple.of(merchantId.value())).map(rows -> {
            List<CseKeyView> keys = new ArrayList<>(rows.size());
            rows.forEach(row -> keys.add(new CseKeyView(
                    new CseKeyId(MerchantId.of(row.getString("merchant_id")), row.getString("kid")),
                    KeyLifecycle.of(KeyStatus.valueOf(row.getString("status")), instant(row, "not_after")),
                    instant(row, "created_at"), Optional.ofNullable(instant(row, "activated_at")),
                    Optional.ofNullable(instant(row, "deactivated_at")))));
            return keys;
        });
    }

    static SealKeyVersion toSealKey(Row row) {
        return new SealKeyVersion(
                new MerchantKeyId(MerchantId.of(row.getString("merchant_id")),
                        KeyVersion.of(row.getInteger("key_version"))),
                KeyEnvironment.valueOf(row.getString("environment")),
                KeyLifecycle.of(KeyStatus.valueOf(row.getString("status")), instant(row, "not_after")),
                instant(row, "created_at"),
                Optional.ofNullable(instant(row, "activated_at")),
                Optional.ofNullable(instant(row, "downloaded_at")),
                Optional.ofNullable(instant(row, "deactivated_at")),
                Optional.ofNullable(instant(row, "destroyed_at")),
                Optional.ofNullable(instant(row, "last_used_at")));
    }

    static Instant instant(Row row, String column) {
        OffsetDateTime value = row.getOffsetDateTime(column);
        return value == null ? null : value.toInstant();
    }

    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static final class PgTransaction implements KeyCustodyTransaction {

        private final SqlConnection connection;

        PgTransaction(SqlConnection connection) {
            this.connection = connection;
        }

        @Override
        public Uni<Void> lockMerchant(MerchantId merchantId) {
            return connection.preparedQuery("SELECT pg_advisory_xact_lock(hashtext('merchant-keys:' || $1))")
                    .execute(Tuple.of(merchantId.value())).replaceWithVoid();
        }

        @Override
        public Uni<List<SealKeyVersion>> sealKeys(MerchantId merchantId) {
            return PgKeyCustodyStore.sealKeys(connection, merchantId);
        }

        @Override
        public Uni<Void> insertSealKey(SealKeyVersion version, EncryptedSecret material) {
            Tuple values = Tuple.tuple()
                    .addString(version.merchantId().value())
                    .addInteger(version.keyVersion().value())
                    .addString(version.environment().name())
                    .addString(version.status().name())
                    .addOffsetDateTime(utc(version.notAfter().orElse(null)))
                    .addOffsetDateTime(utc(version.createdAt()))
                    .addBuffer(Buffer.buffer(material.wrappedDataKey()))
                    .addBuffer(Buffer.buffer(material.encryptedSecret()))
                    .addString(material.kekId());
            return connection.preparedQuery(INSERT_SEAL).execute(values).replaceWithVoid();
        }

        @Override
        public Uni<Void> updateSealKey(SealKeyVersion version) {
            Tuple values = Tuple.tuple()
                    .addString(version.merchantId().value())
                    .addInteger(version.keyVersion().value())
                    .addString(version.status().name())
                    .addOffsetDateTime(utc(version.notAfter().orElse(null)))
                    .addOffsetDateTime(utc(version.activatedAt().orElse(null)))
                    .addOffsetDateTime(utc(version.deactivatedAt().orElse(null)))
                    .addOffsetDateTime(utc(version.destroyedAt().orElse(null)));
            return connection.preparedQuery(UPDATE_SEAL).execute(values).map(PgTransaction::exactlyOne);
        }

        @Override
        public Uni<Optional<EncryptedSecret>> claimDownload(MerchantKeyId id, Instant now) {
            return connection.preparedQuery(CLAIM_DOWNLOAD)
                    .execute(Tuple.of(id.merchantId().value(), id.keyVersion().value(), utc(now)))
                    .map(rows -> {
                        var iterator = rows.iterator();
                        if (!iterator.hasNext()) {
                            return Optional.empty();
                        }
                        Row row = iterator.next();
                        Buffer wrapped = row.getBuffer("wrapped_data_key");
                        Buffer encrypted = row.getBuffer("encrypted_secret");
                        return wrapped == null || encrypted == null ? Optional.empty() : Optional.of(
                                new EncryptedSecret(row.getString("kek_id"), wrapped.getBytes(), encrypted.getBytes()));
                    });
        }

        @Override
        public Uni<List<CseKeyView>> cseKeys(MerchantId merchantId) {
            return PgKeyCustodyStore.cseKeys(connection, merchantId);
        }

        @Override
        public Uni<Void> insertCseKey(StoredCseKey key) {
            EncryptedSecret material = key.encryptedPrivateKey().orElseThrow();
            Tuple values = Tuple.tuple()
                    .addString(key.publicKey().id().merchantId().value())
                    .addString(key.publicKey().id().kid())
                    .addString(key.publicKey().lifecycle().status().name())
                    .addOffsetDateTime(utc(key.publicKey().lifecycle().notAfter().orElse(null)))
                    .addOffsetDateTime(utc(key.publicKey().createdAt()))
                    .addString(key.publicKey().publicJwk().json())
                    .addBuffer(Buffer.buffer(material.wrappedDataKey()))
                    .addBuffer(Buffer.buffer(material.encryptedSecret()))
                    .addString(material.kekId());
            return connection.preparedQuery(INSERT_CSE).execute(values).replaceWithVoid();
        }

        @Override
        public Uni<Void> updateCseLifecycle(CseKeyId id, KeyLifecycle lifecycle, Instant now) {
            return connection.preparedQuery(UPDATE_CSE)
                    .execute(Tuple.of(id.merchantId().value(), id.kid(), lifecycle.status().name(),
                            utc(lifecycle.notAfter().orElse(null)), utc(now)))
                    .map(PgTransaction::exactlyOne);
        }

        @Override
        public Uni<Void> insertRevocation(RevocationApproval approval) {
            return connection.preparedQuery(INSERT_REVOCATION).execute(Tuple.from(new Object[]{
                    approval.id(), approval.keyId().merchantId().value(), approval.keyId().keyVersion().value(),
                    approval.requestedBy(), approval.reason(), utc(approval.requestedAt()),
                    utc(approval.expiresAt()), approval.status().name(), approval.approvedBy().orElse(null),
                    utc(approval.approvedAt().orElse(null))})).replaceWithVoid();
        }

        @Override
        public Uni<Optional<RevocationApproval>> findRevocationForUpdate(UUID id) {
            return connection.preparedQuery(SELECT_REVOCATION).execute(Tuple.of(id)).map(rows -> {
                var iterator = rows.iterator();
                if (!iterator.hasNext()) {
                    return Optional.empty();
                }
                return Optional.of(toRevocation(iterator.next()));
            });
        }

        @Override
        public Uni<Void> updateRevocation(RevocationApproval approval) {
            return connection.preparedQuery(UPDATE_REVOCATION)
                    .execute(Tuple.of(approval.id(), approval.status().name(), approval.approvedBy().orElse(null),
                            utc(approval.approvedAt().orElse(null))))
                    .map(PgTransaction::exactlyOne);
        }

        @Override
        public Uni<Void> publish(KeyEvent event) {
            byte[] payload = EventEnvelopeCodec.toJson(new EventEnvelope(event.id().toString(), EVENT_SOURCE,
                    event.type().cloudEventType(), event.occurredAt(), event.merchantId().value(), event.data()));
            return connection.preparedQuery(INSERT_OUTBOX).execute(Tuple.tuple().addUUID(event.id())
                    .addString(event.merchantId().value()).addString(event.type().cloudEventType())
                    .addBuffer(Buffer.buffer(payload)).addOffsetDateTime(utc(event.occurredAt())))
                    .replaceWithVoid();
        }

        @Override
        public Uni<Void> audit(AuditEntry entry) {
            return connection.preparedQuery(INSERT_AUDIT).execute(PgKeyAuditLog.values(entry)).replaceWithVoid();
        }

        private static Void exactlyOne(RowSet<Row> result) {
            if (result.rowCount() != 1) {
                throw new IllegalStateException("Expected to change one row, changed " + result.rowCount());
            }
            return null;
        }
    
        @Override
        public Uni<List<WrappedMaterial<MerchantKeyId>>> sealMaterialNotWrappedBy(String kekId) {
            return connection.preparedQuery("""
                            SELECT merchant_id, key_version, kek_id, wrapped_data_key, encrypted_secret
                              FROM merchant_secret_key
                             WHERE wrapped_data_key IS NOT NULL AND kek_id IS DISTINCT FROM $1
                             ORDER BY merchant_id, key_version FOR UPDATE""")
                    .execute(Tuple.of(kekId)).map(rows -> {
                        List<WrappedMaterial<MerchantKeyId>> list = new ArrayList<>();
                        rows.forEach(row -> list.add(new WrappedMaterial<>(
                                new MerchantKeyId(MerchantId.of(row.getString("merchant_id")),
                                        KeyVersion.of(row.getInteger("key_version"))),
                                new EncryptedSecret(row.getString("kek_id"), row.getBuffer("wrapped_data_key").getBytes(),
                                        row.getBuffer("encrypted_secret").getBytes()))));
                        return list;
                    });
        }

        @Override
        public Uni<List<WrappedMaterial<CseKeyId>>> cseMaterialNotWrappedBy(String kekId) {
            return connection.preparedQuery("""
                            SELECT merchant_id, kid, kek_id, wrapped_data_key, encrypted_private_key
                              FROM merchant_cse_key
                             WHERE wrapped_data_key IS NOT NULL AND kek_id IS DISTINCT FROM $1
                             ORDER BY merchant_id, kid FOR UPDATE""")
                    .execute(Tuple.of(kekId)).map(rows -> {
                        List<WrappedMaterial<CseKeyId>> list = new ArrayList<>();
                        rows.forEach(row -> list.add(new WrappedMaterial<>(
                                new CseKeyId(MerchantId.of(row.getString("merchant_id")), row.getString("kid")),
                                new EncryptedSecret(row.getString("kek_id"), row.getBuffer("wrapped_data_key").getBytes(),
                                        row.getBuffer("encrypted_private_key").getBytes()))));
                        return list;
                    });
        }

        @Override
        public Uni<Void> updateSealWrapping(MerchantKeyId id, EncryptedSecret rewrapped) {
            return connection.preparedQuery("""
                            UPDATE merchant_secret_key SET wrapped_data_key = $3, kek_id = $4
                             WHERE merchant_id = $1 AND key_version = $2""")
                    .execute(Tuple.tuple().addString(id.merchantId().value()).addInteger(id.keyVersion().value())
                            .addBuffer(Buffer.buffer(rewrapped.wrappedDataKey())).addString(rewrapped.kekId()))
                    .map(PgTransaction::exactlyOne);
        }

        @Override
        public Uni<Void> updateCseWrapping(CseKeyId id, EncryptedSecret rewrapped) {
            return connection.preparedQuery("""
                            UPDATE merchant_cse_key SET wrapped_data_key = $3, kek_id = $4
                             WHERE merchant_id = $1 AND kid = $2""")
                    .execute(Tuple.tuple().addString(id.merchantId().value()).addString(id.kid())
                            .addBuffer(Buffer.buffer(rewrapped.wrappedDataKey())).addString(rewrapped.kekId()))
                    .map(PgTransaction::exactlyOne);
        }
    
        @Override
        public Uni<List<DeprecatedUse>> deprecatedVersionsInUse(Instant now, Instant notAfterUntil, Instant usedSince) {
            return connection.preparedQuery("SELECT " + SEAL_COLUMNS + ", usage_warned_at FROM merchant_secret_key"
                            + " WHERE status = 'DEPRECATED' AND not_after > $1 AND not_after <= $2"
                            + " AND last_used_at >= $3 ORDER BY not_after FOR UPDATE")
                    .execute(Tuple.of(utc(now), utc(notAfterUntil), utc(usedSince))).map(rows -> {
                        List<DeprecatedUse> list = new ArrayList<>();
                        rows.forEach(row -> list.add(new DeprecatedUse(toSealKey(row),
                                row.getOffsetDateTime("usage_warned_at") != null)));
                        return list;
                    });
        }

        @Override
        public Uni<Void> markUsageWarned(MerchantKeyId id, Instant now) {
            return connection.preparedQuery(
                            "UPDATE merchant_secret_key SET usage_warned_at = $3 WHERE merchant_id = $1 AND key_version = $2")
                    .execute(Tuple.of(id.merchantId().value(), id.keyVersion().value(), utc(now)))
                    .map(PgTransaction::exactlyOne);
        }
    }
}
