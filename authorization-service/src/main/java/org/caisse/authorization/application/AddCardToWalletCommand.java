package org.caisse.authorization.application;

import java.time.YearMonth;
import java.util.Objects;
import org.caisse.common.card.PanMasking;

/**
 * Puts a card in a customer's wallet. Holds the clear card number in memory only: {@link #toString()} masks it.
 *
 * @param paymentMeanBrand the brand asked for (co-badged cards), or null
 */
public record AddCardToWalletCommand(String merchantId, String merchantWalletId, String cardNumber,
                                     YearMonth cardExpiryDate, String paymentMeanAlias, String paymentMeanBrand) {

    public AddCardToWalletCommand {
        Objects.requireNonNull(merchantId, "merchantId");
        Objects.requireNonNull(merchantWalletId, "merchantWalletId");
        Objects.requireNonNull(cardNumber, "cardNumber");
        Objects.requireNonNull(cardExpiryDate, "cardExpiryDate");
    }

    @Override
    public String toString() {
        return "AddCardToWalletCommand[merchantId=" + merchantId + ", merchantWalletId=" + merchantWalletId
                + ", card=" + PanMasking.sipsMaskedPan(cardNumber) + ", expiry=" + cardExpiryDate
                + ", paymentMeanBrand=" + paymentMeanBrand + "]";
    }
}
