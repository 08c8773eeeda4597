package org.caisse.paymentpage.adapter.out.persistence;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.caisse.paymentpage.application.port.out.MerchantSettingsStore;
import org.caisse.paymentpage.domain.MerchantSettings;
import org.jboss.logging.Logger;

/** The merchant settings cache in PostgreSQL (table {@code merchant_settings}). */
@ApplicationScoped
public class PgMerchantSettingsStore implements MerchantSettingsStore {

    private static final Logger LOG = Logger.getLogger(PgMerchantSettingsStore.class);

    private final Pool pool;

    public PgMerchantSettingsStore(Pool pool) {
        this.pool = pool;
    }

    @Override
    public Uni<Optional<MerchantSettings>> find(String merchantId) {
        return pool.preparedQuery("SELECT settings FROM merchant_settings WHERE merchant_id = $1")
                .execute(Tuple.of(merchantId))
                .map(rows -> {
                    var it = rows.iterator();
                    if (!it.hasNext()) {
                        return Optional.empty();
                    }
                    try {
                        return Optional.of(MerchantSettings.fromDocument(it.next().getJsonObject("settings").getMap()));
                    } catch (IllegalArgumentException e) {
                        LOG.warnf("Stored settings of merchant %s are unreadable (field %s)", merchantId, e.getMessage());
                        return Optional.empty();
                    }
                });
    }

    @Override
    public Uni<Boolean> upsertIfNewer(MerchantSettings settings, String eventId, Instant eventTime) {
        return pool.preparedQuery("""
                        INSERT INTO merchant_settings (merchant_id, settings, event_id, event_time, updated_at)
                        VALUES ($1, $2, $3, $4, now())
                        ON CONFLICT (merchant_id) DO UPDATE
                          SET settings = EXCLUDED.settings, event_id = EXCLUDED.event_id,
                              event_time = EXCLUDED.event_time, updated_at = now()
                          WHERE merchant_settings.event_time <= EXCLUDED.event_time""")
                .execute(Tuple.of(settings.merchantId(), new JsonObject(settings.toDocument()), eventId,
                        eventTime.atOffset(ZoneOffset.UTC)))
                .map(rows -> rows.rowCount() == 1);
    }
}
