package org.caisse.authorization.application.port.out;

import java.time.YearMonth;
import java.util.Objects;
import java.util.UUID;
import org.caisse.common.card.PanMasking;

/**
 * A vaulted card decrypted for an authorization. Holds the clear card number in memory only:
 * {@link #toString()} shows the Sips masked form, never the number.
 *
 * @param paymentMeanBrand the brand chosen when the card was put in a wallet; null when revealed from the vault alone
 */
public record RevealedCard(UUID cardId, String merchantId, String tokenPan, String pan, YearMonth expiry,
                           String paymentMeanBrand) {

    public RevealedCard {
        Objects.requireNonNull(cardId, "cardId");
        Objects.requireNonNull(merchantId, "merchantId");
        Objects.requireNonNull(tokenPan, "tokenPan");
        Objects.requireNonNull(pan, "pan");
        Objects.requireNonNull(expiry, "expiry");
    }

    /** Sips form, first 4 and last 2 digits. */
    public String maskedPan() {
        return PanMasking.sipsMaskedPan(pan);
    }

    public RevealedCard withPaymentMeanBrand(String brand) {
        return new RevealedCard(cardId, merchantId, tokenPan, pan, expiry, brand);
    }

    @Override
    public String toString() {
        return "RevealedCard[cardId=" + cardId + ", merchantId=" + merchantId + ", tokenPan=" + tokenPan
                + ", card=" + maskedPan() + ", expiry=" + expiry + ", paymentMeanBrand=" + paymentMeanBrand + "]";
    }
}
