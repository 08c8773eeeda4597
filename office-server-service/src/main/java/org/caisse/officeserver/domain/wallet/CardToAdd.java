package org.caisse.officeserver.domain.wallet;

import java.util.Objects;

import org.caisse.common.card.PanMasking;

/**
 * A card to put in a wallet. Holds the card number in memory only; {@link #toString()} shows the masked form.
 *
 * @param cardExpiryDate   {@code yyyyMM}
 * @param paymentMeanAlias or null
 * @param paymentMeanBrand the brand asked for (co-badged cards), or null
 */
public record CardToAdd(String cardNumber, String cardExpiryDate, String paymentMeanAlias, String paymentMeanBrand) {

    public CardToAdd {
        Objects.requireNonNull(cardNumber, "cardNumber");
        Objects.requireNonNull(cardExpiryDate, "cardExpiryDate");
    }

    @Override
    public String toString() {
        return "CardToAdd[card=" + PanMasking.sipsMaskedPan(cardNumber) + ", expiry=" + cardExpiryDate
                + ", paymentMeanBrand=" + paymentMeanBrand + "]";
    }
}
