package org.caisse.authorization.adapter.out.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.caisse.authorization.application.port.out.CardFingerprints;
import org.caisse.authorization.application.port.out.CardVault;
import org.caisse.authorization.application.port.out.CardVaultIntegrityException;
import org.caisse.authorization.application.port.out.RevealedCard;
import org.caisse.authorization.application.port.out.VaultEntry;
import org.caisse.common.card.Luhn;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PgCardVaultTest {

    static final String MERCHANT = "002001000000001";
    static final String OTHER_MERCHANT = "002001000000002";
    static final Duration WAIT = Duration.ofSeconds(10);
    static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    CardVault vault;

    @Inject
    CardFingerprints fingerprints;

    @Inject
    Pool pool;

    /** A Luhn-valid number nobody else uses in this run. */
    static String newPan() {
        StringBuilder partial = new StringBuilder("49");
        for (int i = 0; i < 13; i++) {
            partial.append(RANDOM.nextInt(10));
        }
        return partial.toString() + Luhn.checkDigit(partial.toString());
    }

    RowSet<Row> query(String sql, Object... params) {
        return pool.preparedQuery(sql).execute(Tuple.from(params)).await().atMost(WAIT);
    }

    VaultEntry vaulted(String merchantId, String pan, YearMonth expiry) {
        VaultEntry entry = vault.protect(merchantId, pan, expiry);
        vault.save(entry).await().atMost(WAIT);
        return entry;
    }

    @Test
    void aVaultedCardIsRevealedByTokenAndByIdForItsMerchantOnly() {
        String pan = newPan();
        VaultEntry entry = vaulted(MERCHANT, pan, YearMonth.of(2031, 7));

        RevealedCard byToken = vault.revealByToken(MERCHANT, entry.tokenPan()).await().atMost(WAIT).orElseThrow();
        assertThat(byToken.pan()).isEqualTo(pan);
        assertThat(byToken.cardId()).isEqualTo(entry.cardId());
        assertThat(byToken.expiry()).isEqualTo(YearMonth.of(2031, 7));
        RevealedCard byId = vault.revealById(MERCHANT, entry.cardId()).await().atMost(WAIT).orElseThrow();
        assertThat(byId.pan()).isEqualTo(pan);
        assertThat(byId.tokenPan()).isEqualTo(entry.tokenPan());

        assertThat(vault.revealByToken(OTHER_MERCHANT, entry.tokenPan()).await().atMost(WAIT)).isEmpty();
        assertThat(vault.revealById(OTHER_MERCHANT, entry.cardId()).await().atMost(WAIT)).isEmpty();
        assertThat(vault.revealByToken(MERCHANT, "tkunknown").await().atMost(WAIT)).isEmpty();
    }

    @Test
    void tokensDifferBetweenMerchantsWhileTheFingerprintIsShared() {
        String pan = newPan();
        VaultEntry mine = vaulted(MERCHANT, pan, YearMonth.of(2031, 7));
        VaultEntry theirs = vaulted(OTHER_MERCHANT, pan, YearMonth.of(2031, 7));

        assertThat(theirs.tokenPan()).isNotEqualTo(mine.tokenPan());
        assertThat(theirs.cardId()).isNotEqualTo(mine.cardId());
        assertThat(query("SELECT DISTINCT fingerprint FROM card_vault WHERE id IN ($1, $2)", mine.cardId(),
                theirs.cardId()).iterator().next().getString(0)).isEqualTo(fingerprints.of(pan));
        assertThat(vault.revealByToken(OTHER_MERCHANT, theirs.tokenPan()).await().atMost(WAIT)
                .map(RevealedCard::pan)).contains(pan);
    }

    @Test
    void theStoredRowHoldsNoClearCardNumber() {
        String pan = newPan();
        VaultEntry entry = vaulted(MERCHANT, pan, YearMonth.of(2031, 7));

        String rowText = query("SELECT c::text FROM card_vault c WHERE id = $1", entry.cardId())
                .iterator().next().getString(0);
        String panHex = HexFormat.of().formatHex(pan.getBytes(StandardCharsets.US_ASCII));
        assertThat(rowText).contains(entry.tokenPan()).contains(pan.substring(0, 6))
                .doesNotContain(pan).doesNotContain(pan.substring(6, 12)).doesNotContain(panHex);
        Row row = query("SELECT encode(pan_ciphertext, 'escape') AS c, encode(wrapped_data_key, 'escape') AS k,"
                + " masked_pan, bin, last4 FROM card_vault WHERE id = $1", entry.cardId()).iterator().next();
        assertThat(row.getString("c")).doesNotContain(pan);
        assertThat(row.getString("k")).doesNotContain(pan);
        assertThat(row.getString("masked_pan")).isEqualTo(pan.substring(0, 4) + "##########" + pan.substring(14));
        assertThat(row.getString("bin") + row.getString("last4"))
                .isEqualTo(pan.substring(0, 6) + pan.substring(12));
    }

    @Test
    void savingTheSameCardAgainKeepsOneRowAndTheLatestExpiry() {
        String pan = newPan();
        VaultEntry first = vaulted(MERCHANT, pan, YearMonth.of(2031, 7));
        String firstCiphertext = ciphertextHex(first);
        vaulted(MERCHANT, pan, YearMonth.of(2033, 1));
        vaulted(MERCHANT, pan, YearMonth.of(2030, 3));

        assertThat(query("SELECT count(*) FROM card_vault WHERE merchant_id = $1 AND token_pan = $2", MERCHANT,
                first.tokenPan()).iterator().next().getLong(0)).isEqualTo(1);
        assertThat(ciphertextHex(first)).isEqualTo(firstCiphertext);
        RevealedCard card = vault.revealById(MERCHANT, first.cardId()).await().atMost(WAIT).orElseThrow();
        assertThat(card.expiry()).isEqualTo(YearMonth.of(2033, 1));
        assertThat(card.pan()).isEqualTo(pan);
    }

    String ciphertextHex(VaultEntry entry) {
        return query("SELECT encode(pan_ciphertext, 'hex') FROM card_vault WHERE id = $1", entry.cardId())
                .iterator().next().getString(0);
    }

    @Test
    void theUpsertEmbedsInAnotherStatementWithShiftedParameters() {
        String pan = newPan();
        VaultEntry entry = vault.protect(MERCHANT, pan, YearMonth.of(2032, 2));
        List<Object> params = new ArrayList<>();
        params.add("outer value");
        params.addAll(PgCardVault.upsertParameters(entry));

        String outer = query("WITH vaulted AS (" + PgCardVault.upsertSql(2) + " RETURNING id) "
                + "SELECT $1::text || ':' || (SELECT count(*) FROM vaulted)", params.toArray())
                .iterator().next().getString(0);

        assertThat(outer).isEqualTo("outer value:1");
        assertThat(vault.revealById(MERCHANT, entry.cardId()).await().atMost(WAIT).map(RevealedCard::pan))
                .contains(pan);
    }

    @Test
    void aRowMovedToAnotherMerchantDoesNotDecrypt() {
        String pan = newPan();
        VaultEntry entry = vaulted(MERCHANT, pan, YearMonth.of(2031, 7));
        String thief = "002001000000099";
        query("UPDATE card_vault SET merchant_id = $2 WHERE id = $1", entry.cardId(), thief);

        assertThatThrownBy(() -> vault.revealById(thief, entry.cardId()).await().atMost(WAIT))
                .isInstanceOf(CardVaultIntegrityException.class).hasMessageNotContaining(pan);
        assertThat(vault.revealById(MERCHANT, entry.cardId()).await().atMost(WAIT)).isEqualTo(Optional.empty());
    }
}
