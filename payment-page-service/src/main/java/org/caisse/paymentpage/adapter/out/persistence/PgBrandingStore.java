package org.caisse.paymentpage.adapter.out.persistence;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.caisse.paymentpage.application.port.out.BrandingStore;
import org.caisse.paymentpage.domain.branding.BrandingColours;
import org.caisse.paymentpage.domain.branding.BrandingRefused;
import org.caisse.paymentpage.domain.branding.BrandingTexts;
import org.caisse.paymentpage.domain.branding.MerchantBranding;
import org.jboss.logging.Logger;

/** Merchant branding in PostgreSQL (tables {@code merchant_branding} and {@code merchant_stylesheet}). */
@ApplicationScoped
public class PgBrandingStore implements BrandingStore {

    private static final Logger LOG = Logger.getLogger(PgBrandingStore.class);

    private final Pool pool;

    public PgBrandingStore(Pool pool) {
        this.pool = pool;
    }

    @Override
    public Uni<MerchantBranding> find(String merchantId) {
        Uni<Optional<Row>> settings = pool.preparedQuery("""
                        SELECT colours, texts, default_template, logo_type, logo_hash
                        FROM merchant_branding WHERE merchant_id = $1""")
                .execute(Tuple.of(merchantId))
                .map(rows -> rows.iterator().hasNext() ? Optional.of(rows.iterator().next()) : Optional.empty());
        Uni<Map<String, String>> stylesheets = pool.preparedQuery(
                        "SELECT name, hash FROM merchant_stylesheet WHERE merchant_id = $1")
                .execute(Tuple.of(merchantId))
                .map(rows -> {
                    Map<String, String> byName = new TreeMap<>();
                    rows.forEach(row -> byName.put(row.getString("name"), row.getString("hash")));
                    return byName;
                });
        return Uni.combine().all().unis(settings, stylesheets).asTuple().map(both -> {
            Optional<Row> found = both.getItem1();
            if (found.isEmpty()) {
                return new MerchantBranding(merchantId, null, BrandingTexts.NONE, null, null, both.getItem2());
            }
            Row row = found.get();
            return new MerchantBranding(merchantId, colours(merchantId, row.getJsonObject("colours")),
                    texts(merchantId, row.getJsonObject("texts")), row.getString("default_template"),
                    row.getString("logo_hash") == null ? null
                            : new MerchantBranding.Logo(row.getString("logo_type"), row.getString("logo_hash")),
                    both.getItem2());
        });
    }

    @Override
    public Uni<Void> saveSettings(String merchantId, BrandingColours colours, BrandingTexts texts, String defaultTemplate) {
        return pool.preparedQuery("""
                        INSERT INTO merchant_branding (merchant_id, colours, texts, default_template, updated_at)
                        VALUES ($1, $2, $3, $4, now())
                        ON CONFLICT (merchant_id) DO UPDATE
                          SET colours = EXCLUDED.colours, texts = EXCLUDED.texts,
                              default_template = EXCLUDED.default_template, updated_at = now()""")
                .execute(Tuple.of(merchantId, colours == null ? null : new JsonObject(colours.toDocument()),
                        new JsonObject(texts.toDocument()), defaultTemplate))
                .replaceWithVoid();
    }

    @Override
    public Uni<Void> saveLogo(String merchantId, byte[] image, String contentType, String hash) {
        return pool.preparedQuery("""
                        INSERT INTO merchant_branding (merchant_id, logo, logo_type, logo_hash, updated_at)
                        VALUES ($1, $2, $3, $4, now())
                        ON CONFLICT (merchant_id) DO UPDATE
                          SET logo = EXCLUDED.logo, logo_type = EXCLUDED.logo_type, logo_hash = EXCLUDED.logo_hash,
                              updated_at = now()""")
                .execute(Tuple.of(merchantId, io.vertx.core.buffer.Buffer.buffer(image), contentType, hash))
                .replaceWithVoid();
    }

    @Override
    public Uni<Optional<Asset>> logo(String merchantId) {
        return pool.preparedQuery("SELECT logo, logo_type, logo_hash FROM merchant_branding WHERE merchant_id = $1 AND logo IS NOT NULL")
                .execute(Tuple.of(merchantId))
                .map(rows -> {
                    var it = rows.iterator();
                    if (!it.hasNext()) {
                        return Optional.empty();
                    }
                    Row row = it.next();
                    return Optional.of(new Asset(row.getBuffer("logo").getBytes(), row.getString("logo_type"),
                            row.getString("logo_hash")));
                });
    }

    @Override
    public Uni<Void> saveStylesheet(String merchantId, String name, String css, String hash) {
        return pool.preparedQuery("""
                        INSERT INTO merchant_stylesheet (merchant_id, name, css, hash, updated_at)
                        VALUES ($1, $2, $3, $4, now())
                        ON CONFLICT (merchant_id, name) DO UPDATE
                          SET css = EXCLUDED.css, hash = EXCLUDED.hash, updated_at = now()""")
                .execute(Tuple.of(merchantId, name, css, hash))
                .replaceWithVoid();
    }

    @Override
    public Uni<Optional<Asset>> stylesheet(String merchantId, String name) {
        return pool.preparedQuery("SELECT css, hash FROM merchant_stylesheet WHERE merchant_id = $1 AND name = $2")
                .execute(Tuple.of(merchantId, name))
                .map(rows -> {
                    var it = rows.iterator();
                    if (!it.hasNext()) {
                        return Optional.empty();
                    }
                    Row row = it.next();
                    return Optional.of(new Asset(row.getString("css").getBytes(StandardCharsets.UTF_8), "text/css",
                            row.getString("hash")));
                });
    }

    @Override
    public Uni<Boolean> deleteStylesheet(String merchantId, String name) {
        return pool.withTransaction(tx -> tx.preparedQuery(
                                "DELETE FROM merchant_stylesheet WHERE merchant_id = $1 AND name = $2")
                        .execute(Tuple.of(merchantId, name))
                        .onItem().transformToUni(deleted -> tx.preparedQuery("""
                                        UPDATE merchant_branding SET default_template = NULL, updated_at = now()
                                        WHERE merchant_id = $1 AND default_template = $2""")
                                .execute(Tuple.of(merchantId, name))
                                .map(x -> deleted.rowCount() == 1)));
    }

    /** Stored colours were valid when written; a stored value the rules now refuse is dropped, not served. */
    private static BrandingColours colours(String merchantId, JsonObject doc) {
        if (doc == null) {
            return null;
        }
        try {
            return BrandingColours.fromDocument(doc.getMap());
        } catch (BrandingRefused e) {
            LOG.warnf("Stored colours of merchant %s are no longer accepted (%s); the default colours apply",
                    merchantId, e.field());
            return null;
        }
    }

    private static BrandingTexts texts(String merchantId, JsonObject doc) {
        if (doc == null) {
            return BrandingTexts.NONE;
        }
        try {
            return BrandingTexts.fromDocument(doc.getMap());
        } catch (BrandingRefused e) {
            LOG.warnf("Stored texts of merchant %s are no longer accepted (%s); none are shown", merchantId, e.field());
            return BrandingTexts.NONE;
        }
    }
}
