package org.caisse.authorization.application;

import java.time.YearMonth;
import org.caisse.authorization.domain.CaptureMode;
import org.caisse.authorization.domain.NotificationContext;
import org.caisse.authorization.domain.ShopData;
import org.caisse.common.card.PanMasking;
import org.caisse.common.money.CurrencyUnit;

/** A validated authorization request. {@link #toString()} never shows the card number or CSC. */
public record AuthorizeCommand(String merchantId, String transactionReference, long amount, CurrencyUnit currency,
                               CaptureMode captureMode, int captureDay, String orderChannel, String cardNumber,
                               YearMonth cardExpiryDate, String cscValue, String paymentMeanBrand, ShopData shop,
                               NotificationContext notification) {

    @Override
    public String toString() {
        return "AuthorizeCommand[" + merchantId + ":" + transactionReference + ", " + amount + " " + currency.numeric()
                + ", " + captureMode + "/" + captureDay + ", card=" + PanMasking.sipsMaskedPan(cardNumber) + "]";
    }
}
