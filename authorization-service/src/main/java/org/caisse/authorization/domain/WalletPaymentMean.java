package org.caisse.authorization.domain;

import java.time.YearMonth;
import java.util.Objects;
import java.util.UUID;

/**
 * A card in a customer's Sips wallet ({@code merchantWalletId}), ranked by {@code paymentMeanId}. It refers to the
 * vaulted card by id and shows it only masked.
 *
 * @param maskedPan     Sips form, first 4 and last 2 digits
 * @param panExpiryDate the latest expiry known for the card
 * @param paymentMeanAlias the customer's name for it, or null
 * @param paymentMeanBrand the brand chosen for it, or null when its range is unknown
 */
public record WalletPaymentMean(String merchantId, String merchantWalletId, int paymentMeanId, UUID cardId,
                                String tokenPan, String maskedPan, YearMonth panExpiryDate, String paymentMeanAlias,
                                String paymentMeanBrand) {

    public WalletPaymentMean {
        Objects.requireNonNull(merchantId, "merchantId");
        Objects.requireNonNull(merchantWalletId, "merchantWalletId");
        Objects.requireNonNull(cardId, "cardId");
        Objects.requireNonNull(tokenPan, "tokenPan");
        Objects.requireNonNull(maskedPan, "maskedPan");
        Objects.requireNonNull(panExpiryDate, "panExpiryDate");
        if (paymentMeanId < 1) {
            throw new IllegalArgumentException("paymentMeanId must be positive");
        }
    }
}
