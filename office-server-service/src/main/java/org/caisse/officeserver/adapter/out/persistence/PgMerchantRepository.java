package org.caisse.officeserver.adapter.out.persistence;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import org.caisse.officeserver.application.port.out.MerchantRepository;
import org.caisse.officeserver.application.port.out.MerchantRevision;
import org.caisse.officeserver.application.port.out.OutboxMessage;
import org.caisse.officeserver.domain.merchant.MerchantMode;
import org.caisse.officeserver.domain.merchant.MerchantSettings;

/** Merchant rows in PostgreSQL; the upsert and its outbox row are written in one transaction. */
@ApplicationScoped
public class PgMerchantRepository implements MerchantRepository {

    /**
     * Upserts the merchant only when its settings differ (jsonb equality), incrementing its version; same
     * settings → no row returned, hence no outbox row and no event. The row lock the upsert takes orders
     * concurrent changes of one merchant, so version and {@code clock_timestamp()} follow the commit order.
     */
    private static final String UPSERT = """
            INSERT INTO merchant (merchant_id, settings, version, updated_at)
            VALUES ($1, $2, 1, clock_timestamp())
            ON CONFLICT (merchant_id) DO UPDATE
                SET settings = EXCLUDED.settings, version = merchant.version + 1, updated_at = clock_timestamp()
                WHERE merchant.settings IS DISTINCT FROM EXCLUDED.settings
            RETURNING version, updated_at
            """;
    private static final String MODE = "SELECT settings->>'mode' AS mode FROM merchant WHERE merchant_id = $1";
    private static final String RECORD = "INSERT INTO outbox (id, topic, record_key, payload) VALUES ($1, $2, $3, $4)";

    private final Pool pool;

    @Inject
    public PgMerchantRepository(Pool pool) {
        this.pool = pool;
    }

    @Override
    public Uni<Boolean> saveAndRecord(MerchantSettings settings,
                                      Function<MerchantRevision, OutboxMessage> announcement) {
        Tuple upsert = Tuple.of(settings.merchantId(), new JsonObject(settings.toDocument()));
        return pool.withTransaction(connection -> connection.preparedQuery(UPSERT).execute(upsert)
                .flatMap(rows -> {
                    if (rows.rowCount() == 0) {
                        return Uni.createFrom().item(false);
                    }
                    Row row = rows.iterator().next();
                    OutboxMessage message = announcement.apply(new MerchantRevision(row.getLong("version"),
                            row.getOffsetDateTime("updated_at").toInstant()));
                    return connection.preparedQuery(RECORD).execute(Tuple.tuple()
                                    .addUUID(message.id())
                                    .addString(message.topic())
                                    .addString(message.key())
                                    .addString(new String(message.value(), StandardCharsets.UTF_8)))
                            .map(inserted -> true);
                }));
    }

    @Override
    public Uni<Optional<MerchantMode>> modeOf(String merchantId) {
        return pool.preparedQuery(MODE).execute(Tuple.of(merchantId)).map(rows -> {
            if (rows.size() == 0) {
                return Optional.empty();
            }
            String mode = rows.iterator().next().getString("mode");
            try {
                return mode == null ? Optional.empty() : Optional.of(MerchantMode.valueOf(mode));
            } catch (IllegalArgumentException unknown) {
                return Optional.empty();
            }
        });
    }
}
