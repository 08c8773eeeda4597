package org.caisse.authorization.adapter.out.persistence;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.caisse.authorization.application.port.out.VaultEntry;
import org.caisse.authorization.application.port.out.WalletStore;
import org.caisse.authorization.domain.WalletPaymentMean;

/** Wallets on PostgreSQL (table {@code wallet_payment_mean}, joined to {@code card_vault} for the masked card). */
@ApplicationScoped
public class PgWalletStore implements WalletStore {

    /** First key of the per-wallet advisory lock (two-int key space, apart from the outbox relay's bigint key). */
    static final int WALLET_LOCK_CLASS = 0x57414c4c; // "WALL"

    private static final String SELECT_LIVE = """
            SELECT w.merchant_id, w.merchant_wallet_id, w.payment_mean_id, w.card_id, w.payment_mean_alias,
                   w.payment_mean_brand, c.token_pan, c.masked_pan, c.pan_expiry_date
              FROM wallet_payment_mean w
              JOIN card_vault c ON c.id = w.card_id AND c.merchant_id = w.merchant_id
             WHERE w.merchant_id = $1 AND w.merchant_wallet_id = $2 AND w.deleted_at IS NULL""";

    /** The next rank counts deleted payment means too, so a paymentMeanId is never given twice in a wallet. */
    private static final String INSERT_NEXT_RANK = """
            INSERT INTO wallet_payment_mean (id, merchant_id, merchant_wallet_id, payment_mean_id, card_id,
                                             payment_mean_alias, payment_mean_brand, created_at)
            SELECT $3::uuid, $1::varchar, $2::varchar, COALESCE(MAX(payment_mean_id), 0) + 1, $4::uuid,
                   $5::varchar, $6::varchar, $7::timestamptz
              FROM wallet_payment_mean WHERE merchant_id = $1::varchar AND merchant_wallet_id = $2::varchar""";

    private final Pool pool;

    public PgWalletStore(Pool pool) {
        this.pool = pool;
    }

    @Override
    public Uni<WalletPaymentMean> add(VaultEntry card, String merchantWalletId, String paymentMeanAlias,
                                      String paymentMeanBrand) {
        String merchantId = card.merchantId();
        return pool.withTransaction(conn -> conn
                .preparedQuery("SELECT pg_advisory_xact_lock($1, hashtext($2))")
                .execute(Tuple.of(WALLET_LOCK_CLASS, merchantId + "|" + merchantWalletId))
                .flatMap(locked -> conn.preparedQuery(PgCardVault.UPSERT_SQL).execute(PgCardVault.upsertTuple(card)))
                .flatMap(vaulted -> liveForCard(conn, merchantId, merchantWalletId, card.cardId()))
                .flatMap(existing -> existing.isPresent()
                        ? Uni.createFrom().item(existing.get())
                        : conn.preparedQuery(INSERT_NEXT_RANK).execute(Tuple.from(Arrays.asList(merchantId,
                                        merchantWalletId, UUID.randomUUID(), card.cardId(), paymentMeanAlias,
                                        paymentMeanBrand, OffsetDateTime.ofInstant(card.at(), ZoneOffset.UTC))))
                                .flatMap(inserted -> liveForCard(conn, merchantId, merchantWalletId, card.cardId()))
                                .map(Optional::orElseThrow)))
                .onFailure(VaultInsertRace::lost).retry().atMost(VaultInsertRace.ATTEMPTS - 1);
    }

    private static Uni<Optional<WalletPaymentMean>> liveForCard(SqlConnection conn, String merchantId,
                                                                String merchantWalletId, UUID cardId) {
        return conn.preparedQuery(SELECT_LIVE + " AND w.card_id = $3")
                .execute(Tuple.of(merchantId, merchantWalletId, cardId))
                .map(PgWalletStore::first);
    }

    @Override
    public Uni<List<WalletPaymentMean>> paymentMeans(String merchantId, String merchantWalletId) {
        return pool.preparedQuery(SELECT_LIVE + " ORDER BY w.payment_mean_id")
                .execute(Tuple.of(merchantId, merchantWalletId))
                .map(rows -> {
                    List<WalletPaymentMean> means = new ArrayList<>();
                    rows.forEach(row -> means.add(toPaymentMean(row)));
                    return means;
                });
    }

    @Override
    public Uni<Optional<WalletPaymentMean>> paymentMean(String merchantId, String merchantWalletId,
                                                        int paymentMeanId) {
        return pool.preparedQuery(SELECT_LIVE + " AND w.payment_mean_id = $3")
                .execute(Tuple.of(merchantId, merchantWalletId, paymentMeanId))
                .map(PgWalletStore::first);
    }

    @Override
    public Uni<Boolean> delete(String merchantId, String merchantWalletId, int paymentMeanId, Instant at) {
        return pool.preparedQuery("""
                        UPDATE wallet_payment_mean SET deleted_at = $4
                         WHERE merchant_id = $1 AND merchant_wallet_id = $2 AND payment_mean_id = $3
                           AND deleted_at IS NULL""")
                .execute(Tuple.of(merchantId, merchantWalletId, paymentMeanId, OffsetDateTime.ofInstant(at,
                        ZoneOffset.UTC)))
                .map(rows -> rows.rowCount() > 0);
    }

    /** One statement: the renamed row, joined to its card, only when it was live. */
    @Override
    public Uni<Optional<WalletPaymentMean>> rename(String merchantId, String merchantWalletId, int paymentMeanId,
                                                   String paymentMeanAlias) {
        return pool.preparedQuery("""
                        WITH renamed AS (
                            UPDATE wallet_payment_mean SET payment_mean_alias = $4
                             WHERE merchant_id = $1 AND merchant_wallet_id = $2 AND payment_mean_id = $3
                               AND deleted_at IS NULL
                            RETURNING merchant_id, merchant_wallet_id, payment_mean_id, card_id, payment_mean_alias,
                                      payment_mean_brand)
                        SELECT w.*, c.token_pan, c.masked_pan, c.pan_expiry_date
                          FROM renamed w
                          JOIN card_vault c ON c.id = w.card_id AND c.merchant_id = w.merchant_id""")
                .execute(Tuple.from(Arrays.asList(merchantId, merchantWalletId, paymentMeanId, paymentMeanAlias)))
                .map(PgWalletStore::first);
    }

    @Override
    public Uni<Integer> deleteWallet(String merchantId, String merchantWalletId, Instant at) {
        return pool.preparedQuery("""
                        UPDATE wallet_payment_mean SET deleted_at = $3
                         WHERE merchant_id = $1 AND merchant_wallet_id = $2 AND deleted_at IS NULL""")
                .execute(Tuple.of(merchantId, merchantWalletId, OffsetDateTime.ofInstant(at, ZoneOffset.UTC)))
                .map(RowSet::rowCount);
    }

    private static Optional<WalletPaymentMean> first(RowSet<Row> rows) {
        return rows.size() == 0 ? Optional.empty() : Optional.of(toPaymentMean(rows.iterator().next()));
    }

    private static WalletPaymentMean toPaymentMean(Row row) {
        return new WalletPaymentMean(row.getString("merchant_id"), row.getString("merchant_wallet_id"),
                row.getInteger("payment_mean_id"), row.getUUID("card_id"), row.getString("token_pan"),
                row.getString("masked_pan"), YearMonth.parse(row.getString("pan_expiry_date"), PgCardVault.EXPIRY),
                row.getString("payment_mean_alias"), row.getString("payment_mean_brand"));
    }
}
