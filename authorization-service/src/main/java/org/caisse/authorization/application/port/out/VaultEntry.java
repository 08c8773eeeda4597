package org.caisse.authorization.application.port.out;

import java.time.Instant;
import java.time.YearMonth;
import java.util.Objects;
import java.util.UUID;

/**
 * A card ready to be stored in the vault ({@link CardVault#protect}): identifiers, keyed hashes, BIN and last four,
 * and the card number encrypted. Holds no clear card number; {@link #toString()} shows neither hash nor ciphertext.
 *
 * @param cardId         deterministic for (merchant, PAN)
 * @param fingerprint    HMAC-SHA-256 of the PAN alone under the lookup key, lowercase hex; the same for every merchant
 * @param tokenPan       the merchant's token of the card, deterministic for (merchant, PAN); never a valid PAN
 * @param maskedPan      Sips form, first 4 and last 2 digits ({@code 4100##########05})
 * @param panCiphertext  AES-256-GCM of the PAN (IV, ciphertext and tag) under a data key of its own
 * @param wrappedDataKey that data key, wrapped by the key-encryption key {@code kekId}
 * @param at             when the card was seen (created_at of a new row, last_used_at of every write)
 */
public record VaultEntry(UUID cardId, String merchantId, String fingerprint, String tokenPan, String bin, String last4,
                         String maskedPan, YearMonth expiry, byte[] panCiphertext, byte[] wrappedDataKey,
                         String kekId, Instant at) {

    public VaultEntry {
        Objects.requireNonNull(cardId, "cardId");
        Objects.requireNonNull(merchantId, "merchantId");
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(tokenPan, "tokenPan");
        Objects.requireNonNull(expiry, "expiry");
        Objects.requireNonNull(panCiphertext, "panCiphertext");
        Objects.requireNonNull(wrappedDataKey, "wrappedDataKey");
        Objects.requireNonNull(kekId, "kekId");
        Objects.requireNonNull(at, "at");
    }

    @Override
    public String toString() {
        return "VaultEntry[cardId=" + cardId + ", merchantId=" + merchantId + ", tokenPan=" + tokenPan
                + ", card=" + maskedPan + ", expiry=" + expiry + ", kekId=" + kekId + "]";
    }
}
