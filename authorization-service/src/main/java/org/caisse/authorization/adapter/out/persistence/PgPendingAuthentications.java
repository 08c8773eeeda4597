package org.caisse.authorization.adapter.out.persistence;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;
import org.caisse.authorization.application.AuthorizeCommand;
import org.caisse.authorization.application.CardSource;
import org.caisse.authorization.application.port.out.PendingAuthentications;
import org.caisse.authorization.domain.CaptureMode;
import org.caisse.authorization.domain.NotificationContext;
import org.caisse.authorization.domain.ShopData;
import org.caisse.common.money.Currencies;

/** Pending 3-D Secure authentications in PostgreSQL; the request is kept as JSON without the card. */
@ApplicationScoped
public class PgPendingAuthentications implements PendingAuthentications {

    private final Pool pool;

    public PgPendingAuthentications(Pool pool) {
        this.pool = pool;
    }

    @Override
    public Uni<Void> save(UUID id, AuthorizeCommand request, UUID cardId, boolean mandatory, Instant expiresAt) {
        return pool.preparedQuery("""
                        INSERT INTO pending_authentication (id, merchant_id, transaction_reference, request, card_id,
                                                            three_ds_mandatory, expires_at)
                        VALUES ($1, $2, $3, $4, $5, $6, $7)""")
                .execute(Tuple.from(Arrays.asList(id, request.merchantId(), request.transactionReference(),
                        toJson(request), cardId, mandatory, OffsetDateTime.ofInstant(expiresAt, ZoneOffset.UTC))))
                .replaceWithVoid();
    }

    @Override
    public Uni<Optional<Pending>> take(UUID id, String merchantId) {
        return pool.preparedQuery("""
                        DELETE FROM pending_authentication WHERE id = $1 AND merchant_id = $2
                        RETURNING id, request, card_id, three_ds_mandatory, expires_at""")
                .execute(Tuple.of(id, merchantId))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(toPending(rows.iterator().next())));
    }

    private static JsonObject toJson(AuthorizeCommand c) {
        ShopData shop = c.shop();
        NotificationContext n = c.notification();
        return new JsonObject()
                .put("merchantId", c.merchantId()).put("transactionReference", c.transactionReference())
                .put("amount", c.amount()).put("currencyCode", c.currency().numeric())
                .put("captureMode", c.captureMode().name()).put("captureDay", c.captureDay())
                .put("orderChannel", c.orderChannel()).put("paymentMeanBrand", c.paymentMeanBrand())
                .put("shop", shop == null ? null : JsonObject.mapFrom(shop))
                .put("notification", n == null ? null : JsonObject.mapFrom(n));
    }

    private static Pending toPending(Row row) {
        JsonObject r = (JsonObject) row.getValue("request");
        JsonObject shop = r.getJsonObject("shop");
        JsonObject n = r.getJsonObject("notification");
        AuthorizeCommand request = new AuthorizeCommand(r.getString("merchantId"), r.getString("transactionReference"),
                r.getLong("amount"), Currencies.byNumeric(r.getString("currencyCode")).orElseThrow(),
                CaptureMode.valueOf(r.getString("captureMode")), r.getInteger("captureDay"),
                r.getString("orderChannel"), new CardSource.Token("pending", null), r.getString("paymentMeanBrand"),
                shop == null ? ShopData.empty() : shop.mapTo(ShopData.class),
                n == null ? null : n.mapTo(NotificationContext.class), true);
        return new Pending(row.getUUID("id"), request, row.getUUID("card_id"), row.getBoolean("three_ds_mandatory"),
                row.getOffsetDateTime("expires_at").toInstant());
    }
}
