package org.caisse.authorization.application.port.out;

import io.smallrye.mutiny.Uni;
import java.time.YearMonth;
import java.util.Optional;
import java.util.UUID;

/**
 * The card vault: card numbers kept encrypted per (merchant, PAN), found again by the merchant's token or the card
 * id. A merchant never reaches another merchant's card: its token and card id are other values, and every lookup is
 * filtered by merchant.
 */
public interface CardVault {

    /**
     * Computes everything the vault stores for this card: pure CPU, no I/O, so the caller can write the entry in
     * the same SQL statement as something else (see the persistence adapter's upsert statement). The same
     * (merchant, PAN) always gives the same {@link VaultEntry#cardId()} and {@link VaultEntry#tokenPan()}; the
     * ciphertext differs at every call (fresh data key and IV).
     *
     * @param pan 12 to 19 digits
     * @throws IllegalArgumentException for a number that is not 12 to 19 digits (the message never shows it)
     */
    VaultEntry protect(String merchantId, String pan, YearMonth expiry);

    /**
     * Stores the entry, idempotently: a card already vaulted keeps its ciphertext and gets the later of both expiry
     * dates and a new {@code last_used_at}.
     */
    Uni<Void> save(VaultEntry entry);

    /** @return the card with that token for that merchant, decrypted; empty when unknown or another merchant's */
    Uni<Optional<RevealedCard>> revealByToken(String merchantId, String tokenPan);

    /** @return the card with that id for that merchant, decrypted; empty when unknown or another merchant's */
    Uni<Optional<RevealedCard>> revealById(String merchantId, UUID cardId);
}
