package org.caisse.authorization.adapter.out.persistence;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.caisse.authorization.application.MerchantRulesDocument;
import org.caisse.authorization.application.port.out.MerchantRulesStore;
import org.caisse.authorization.application.port.out.StaleRulesVersionException;
import org.caisse.authorization.application.port.out.VersionedMerchantRules;
import org.caisse.authorization.config.AuthorizationConfig;
import org.caisse.authorization.domain.risk.MerchantRules;

/**
 * Merchant rules in the {@code merchant_rules} table (one JSON document per merchant, {@link MerchantRulesDocument}),
 * with a short-lived cache in front of {@link #find}: the rules are read on every authorization.
 */
@ApplicationScoped
public class PgMerchantRulesStore implements MerchantRulesStore {

    /** Far more merchants than one instance serves at once; beyond it the cache starts over. */
    static final int CACHE_MAX_ENTRIES = 50_000;

    private static final String SELECT = """
            SELECT rules, version, updated_at, updated_by FROM merchant_rules WHERE merchant_id = $1""";

    private static final String UPSERT = """
            INSERT INTO merchant_rules (merchant_id, rules, version, updated_at, updated_by)
            VALUES ($1, $2, 1, now(), $3)
            ON CONFLICT (merchant_id) DO UPDATE
               SET rules = EXCLUDED.rules, version = merchant_rules.version + 1, updated_at = now(),
                   updated_by = EXCLUDED.updated_by
            RETURNING version, updated_at""";

    private static final String INSERT_FIRST = """
            INSERT INTO merchant_rules (merchant_id, rules, version, updated_at, updated_by)
            VALUES ($1, $2, 1, now(), $3)
            ON CONFLICT (merchant_id) DO NOTHING
            RETURNING version, updated_at""";

    private static final String UPDATE_IF_VERSION = """
            UPDATE merchant_rules SET rules = $2, version = version + 1, updated_at = now(), updated_by = $3
             WHERE merchant_id = $1 AND version = $4
            RETURNING version, updated_at""";

    private final Pool pool;
    private final TtlCache<String, MerchantRules> cache;

    @Inject
    public PgMerchantRulesStore(Pool pool, AuthorizationConfig config) {
        this(pool, config.risk().rulesCacheTtl());
    }

    PgMerchantRulesStore(Pool pool, Duration cacheTtl) {
        this.pool = pool;
        this.cache = new TtlCache<>(cacheTtl, System::nanoTime, CACHE_MAX_ENTRIES);
    }

    @Override
    public Uni<MerchantRules> find(String merchantId) {
        return cache.get(merchantId).map(rules -> Uni.createFrom().item(rules))
                .orElseGet(() -> findVersioned(merchantId).map(VersionedMerchantRules::rules)
                        .invoke(rules -> cache.put(merchantId, rules)));
    }

    @Override
    public Uni<VersionedMerchantRules> findVersioned(String merchantId) {
        return pool.preparedQuery(SELECT).execute(Tuple.of(merchantId)).map(rows -> {
            if (rows.size() == 0) {
                return VersionedMerchantRules.neverSet(merchantId);
            }
            Row row = rows.iterator().next();
            MerchantRules rules = MerchantRulesDocument.read(plain(row.getJsonObject("rules")), merchantId);
            return new VersionedMerchantRules(merchantId, rules, row.getLong("version"),
                    row.getOffsetDateTime("updated_at").toInstant(), row.getString("updated_by"));
        });
    }

    @Override
    public Uni<VersionedMerchantRules> save(String merchantId, MerchantRules rules, String updatedBy,
                                           Long expectedVersion) {
        JsonObject document = new JsonObject(MerchantRulesDocument.write(rules));
        Uni<RowSet<Row>> write;
        if (expectedVersion == null) {
            write = pool.preparedQuery(UPSERT).execute(Tuple.of(merchantId, document, updatedBy));
        } else if (expectedVersion == 0) {
            write = pool.preparedQuery(INSERT_FIRST).execute(Tuple.of(merchantId, document, updatedBy));
        } else {
            write = pool.preparedQuery(UPDATE_IF_VERSION)
                    .execute(Tuple.of(merchantId, document, updatedBy, expectedVersion));
        }
        return write.map(rows -> {
            if (rows.size() == 0) {
                throw new StaleRulesVersionException(merchantId, expectedVersion);
            }
            Row row = rows.iterator().next();
            return new VersionedMerchantRules(merchantId, rules, row.getLong("version"),
                    row.getOffsetDateTime("updated_at").toInstant(), updatedBy);
        }).invoke(saved -> cache.invalidate(merchantId));
    }

    /** The stored JSON as plain maps and lists, the shape {@link MerchantRulesDocument} reads. */
    static Object plain(Object json) {
        if (json instanceof JsonObject object) {
            return plain(object.getMap());
        }
        if (json instanceof JsonArray array) {
            return plain(array.getList());
        }
        if (json instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((key, value) -> copy.put(String.valueOf(key), plain(value)));
            return copy;
        }
        if (json instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            list.forEach(value -> copy.add(plain(value)));
            return copy;
        }
        return json;
    }
}
