package org.caisse.keymanagement.adapter.out.persistence;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.caisse.keymanagement.application.port.out.KeyVersionSummary;
import org.caisse.keymanagement.application.port.out.MerchantKeyListing;
import org.caisse.keymanagement.domain.KeyEnvironment;
import org.caisse.keymanagement.domain.KeyLifecycle;
import org.caisse.keymanagement.domain.KeyStatus;
import org.caisse.keymanagement.domain.KeyVersion;
import org.caisse.keymanagement.domain.MerchantId;
import org.caisse.keymanagement.domain.MerchantKeyId;

/** {@link MerchantKeyListing} on table {@code merchant_secret_key}; selects the clear columns only. */
@ApplicationScoped
public class PgMerchantKeyListing implements MerchantKeyListing {

    private static final String SELECT_BY_MERCHANT = """
            SELECT merchant_id, key_version, environment, status, not_after, created_at
              FROM merchant_secret_key
             WHERE merchant_id = $1
             ORDER BY key_version DESC""";

    private final Pool pool;

    public PgMerchantKeyListing(Pool pool) {
        this.pool = pool;
    }

    @Override
    public Uni<List<KeyVersionSummary>> keyVersionsOf(MerchantId merchantId) {
        return pool.preparedQuery(SELECT_BY_MERCHANT).execute(Tuple.of(merchantId.value())).map(rows -> {
            List<KeyVersionSummary> versions = new ArrayList<>();
            rows.forEach(row -> versions.add(toSummary(row)));
            return List.copyOf(versions);
        });
    }

    private static KeyVersionSummary toSummary(Row row) {
        OffsetDateTime notAfter = row.getOffsetDateTime("not_after");
        return new KeyVersionSummary(
                new MerchantKeyId(MerchantId.of(row.getString("merchant_id")), KeyVersion.of(row.getInteger("key_version"))),
                KeyEnvironment.valueOf(row.getString("environment")),
                KeyLifecycle.of(KeyStatus.valueOf(row.getString("status")), notAfter == null ? null : notAfter.toInstant()),
                row.getOffsetDateTime("created_at").toInstant());
    }
}
