package org.caisse.authorization.adapter.out.persistence;

import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.caisse.authorization.adapter.out.crypto.CardEnvelope;
import org.caisse.authorization.adapter.out.crypto.CardProtector;
import org.caisse.authorization.application.port.out.CardVault;
import org.caisse.authorization.application.port.out.RevealedCard;
import org.caisse.authorization.application.port.out.VaultEntry;

/**
 * The card vault on PostgreSQL (table {@code card_vault}). The upsert is public ({@link #upsertSql(int)},
 * {@link #upsertParameters(VaultEntry)}) so that another statement can embed it in a CTE and vault the card in the
 * same round trip as its own write.
 */
@ApplicationScoped
public class PgCardVault implements CardVault {

    static final DateTimeFormatter EXPIRY = DateTimeFormatter.ofPattern("uuuuMM");

    /** How many parameters the upsert takes ({@link #upsertParameters(VaultEntry)} gives them in order). */
    public static final int UPSERT_PARAMETER_COUNT = 12;

    /**
     * Idempotent upsert of a {@link VaultEntry}, parameters {@code $1..$12} from {@link #upsertTuple(VaultEntry)}: a
     * new card is inserted; a card already vaulted (same id: same merchant and PAN) keeps its ciphertext, creation
     * time and token, and gets the later of both expiry dates and {@code last_used_at}.
     */
    public static final String UPSERT_SQL = upsertSql(1);

    private static final String SELECT_CARD = """
            SELECT id, merchant_id, token_pan, pan_ciphertext, wrapped_data_key, kek_id, pan_expiry_date
              FROM card_vault WHERE merchant_id = $1 AND\s""";

    private final Pool pool;
    private final CardProtector protector;
    private final Clock clock;

    public PgCardVault(Pool pool, CardProtector protector, Clock clock) {
        this.pool = pool;
        this.protector = protector;
        this.clock = clock;
    }

    /**
     * The upsert with its parameters numbered from {@code $first} to {@code $(first + 11)}, for a statement that
     * already uses {@code $1..$(first - 1)}: e.g. {@code WITH vaulted AS (<upsertSql(36)>) INSERT INTO transaction
     * ... VALUES ($1, ... $35)}, its tuple being the statement's 35 values followed by
     * {@link #upsertParameters(VaultEntry)}.
     */
    public static String upsertSql(int first) {
        String[] p = new String[UPSERT_PARAMETER_COUNT];
        for (int i = 0; i < p.length; i++) {
            p[i] = "$" + (first + i);
        }
        return "INSERT INTO card_vault (id, merchant_id, fingerprint, token_pan, bin, last4, masked_pan, "
                + "pan_ciphertext, wrapped_data_key, kek_id, pan_expiry_date, created_at, last_used_at) "
                + "VALUES (" + String.join(", ", p) + ", " + p[11] + ") "
                + "ON CONFLICT (id) DO UPDATE SET "
                + "pan_expiry_date = GREATEST(card_vault.pan_expiry_date, EXCLUDED.pan_expiry_date), "
                + "last_used_at = GREATEST(card_vault.last_used_at, EXCLUDED.last_used_at)";
    }

    /** The values of {@link #upsertSql(int)}, in order (12 values; the last one, the time, sets both {@code created_at} and {@code last_used_at}). */
    public static List<Object> upsertParameters(VaultEntry entry) {
        return Arrays.asList(entry.cardId(), entry.merchantId(), entry.fingerprint(), entry.tokenPan(), entry.bin(),
                entry.last4(), entry.maskedPan(), Buffer.buffer(entry.panCiphertext()),
                Buffer.buffer(entry.wrappedDataKey()), entry.kekId(), EXPIRY.format(entry.expiry()),
                OffsetDateTime.ofInstant(entry.at(), ZoneOffset.UTC));
    }

    /** The tuple of {@link #UPSERT_SQL}. */
    public static Tuple upsertTuple(VaultEntry entry) {
        return Tuple.from(upsertParameters(entry));
    }

    @Override
    public VaultEntry protect(String merchantId, String pan, YearMonth expiry) {
        return protector.protect(merchantId, pan, expiry, clock.instant());
    }

    @Override
    public Uni<Void> save(VaultEntry entry) {
        return pool.preparedQuery(UPSERT_SQL).execute(upsertTuple(entry))
                .onFailure(VaultInsertRace::lost).retry().atMost(VaultInsertRace.ATTEMPTS - 1)
                .replaceWithVoid();
    }

    @Override
    public Uni<Optional<RevealedCard>> revealByToken(String merchantId, String tokenPan) {
        return pool.preparedQuery(SELECT_CARD + "token_pan = $2").execute(Tuple.of(merchantId, tokenPan))
                .map(this::reveal);
    }

    @Override
    public Uni<Optional<RevealedCard>> revealById(String merchantId, UUID cardId) {
        return pool.preparedQuery(SELECT_CARD + "id = $2").execute(Tuple.of(merchantId, cardId))
                .map(this::reveal);
    }

    private Optional<RevealedCard> reveal(RowSet<Row> rows) {
        if (rows.size() == 0) {
            return Optional.empty();
        }
        Row row = rows.iterator().next();
        UUID cardId = row.getUUID("id");
        String merchantId = row.getString("merchant_id");
        String pan = protector.reveal(merchantId, cardId, new CardEnvelope.SealedPan(
                row.getBuffer("pan_ciphertext").getBytes(), row.getBuffer("wrapped_data_key").getBytes(),
                row.getString("kek_id")));
        return Optional.of(new RevealedCard(cardId, merchantId, row.getString("token_pan"), pan,
                YearMonth.parse(row.getString("pan_expiry_date"), EXPIRY), null));
    }
}
