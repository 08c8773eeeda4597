package org.caisse.authorization.application.port.out;

import java.time.YearMonth;
import java.util.Objects;
import org.caisse.common.card.PanMasking;
import org.caisse.common.money.Money;

/**
 * What the acquirer needs to authorize a payment. Holds the clear card number and CSC in memory only:
 * {@link #toString()} never shows them.
 *
 * @param brand the paymentMeanBrand chosen for the card, or null to let the acquirer decide
 */
public record AcquirerAuthorizationRequest(String merchantId, Money amount, String cardNumber, YearMonth expiryDate,
                                           String cscValue, String brand) {
    public AcquirerAuthorizationRequest {
        Objects.requireNonNull(merchantId, "merchantId");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(cardNumber, "cardNumber");
        Objects.requireNonNull(expiryDate, "expiryDate");
    }

    @Override
    public String toString() {
        return "AcquirerAuthorizationRequest[merchantId=" + merchantId + ", amount=" + amount
                + ", card=" + PanMasking.sipsMaskedPan(cardNumber) + ", brand=" + brand + "]";
    }
}
