package org.caisse.officeserver.adapter.out.persistence;

import java.nio.charset.StandardCharsets;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import org.caisse.officeserver.application.port.out.MerchantRepository;
import org.caisse.officeserver.application.port.out.OutboxMessage;
import org.caisse.officeserver.domain.merchant.MerchantSettings;

/** Merchant rows in PostgreSQL; the upsert and its outbox row are one statement, hence one transaction. */
@ApplicationScoped
public class PgMerchantRepository implements MerchantRepository {

    /**
     * Upserts the merchant only when its settings differ (jsonb equality), and inserts the outbox row
     * only when the upsert wrote something: same settings → no row, no event.
     */
    private static final String UPSERT_AND_RECORD = """
            WITH changed AS (
                INSERT INTO merchant (merchant_id, settings, updated_at)
                VALUES ($1, $2, now())
                ON CONFLICT (merchant_id) DO UPDATE
                    SET settings = EXCLUDED.settings, updated_at = now()
                    WHERE merchant.settings IS DISTINCT FROM EXCLUDED.settings
                RETURNING merchant_id
            )
            INSERT INTO outbox (id, topic, record_key, payload)
            SELECT $3, $4, $5, $6 FROM changed
            RETURNING id
            """;

    private final Pool pool;

    @Inject
    public PgMerchantRepository(Pool pool) {
        this.pool = pool;
    }

    @Override
    public Uni<Boolean> saveAndRecord(MerchantSettings settings, OutboxMessage message) {
        Tuple parameters = Tuple.tuple()
                .addString(settings.merchantId())
                .addValue(new JsonObject(settings.toDocument()))
                .addUUID(message.id())
                .addString(message.topic())
                .addString(message.key())
                .addString(new String(message.value(), StandardCharsets.UTF_8));
        return pool.withTransaction(connection -> connection.preparedQuery(UPSERT_AND_RECORD).execute(parameters))
                .map(rows -> rows.rowCount() > 0);
    }
}
