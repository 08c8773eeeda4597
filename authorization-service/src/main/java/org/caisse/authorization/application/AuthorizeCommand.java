package org.caisse.authorization.application;

import java.util.Objects;
import org.caisse.authorization.domain.CaptureMode;
import org.caisse.authorization.domain.NotificationContext;
import org.caisse.authorization.domain.ShopData;
import org.caisse.common.money.CurrencyUnit;

/**
 * A validated authorization request. {@link #toString()} never shows the card number or CSC.
 *
 * @param card                the card: clear data, a token, a wallet card, or (duplicate) an earlier transaction's card
 * @param threeDSecureCapable whether the caller can send the shopper to a 3-D Secure challenge (the payment page)
 */
public record AuthorizeCommand(String merchantId, String transactionReference, long amount, CurrencyUnit currency,
                               CaptureMode captureMode, int captureDay, String orderChannel, CardSource card,
                               String paymentMeanBrand, ShopData shop, NotificationContext notification,
                               boolean threeDSecureCapable) {

    public AuthorizeCommand {
        Objects.requireNonNull(card, "card");
    }

    /** The same request with another card source (a 3-D Secure completion, a pending request's card). */
    public AuthorizeCommand withCard(CardSource other) {
        return new AuthorizeCommand(merchantId, transactionReference, amount, currency, captureMode, captureDay,
                orderChannel, other, paymentMeanBrand, shop, notification, threeDSecureCapable);
    }

    /** A duplicate is an authorization whose card is an earlier transaction's. */
    public boolean isDuplicate() {
        return card instanceof CardSource.FromTransaction;
    }

    @Override
    public String toString() {
        return "AuthorizeCommand[" + merchantId + ":" + transactionReference + ", " + amount + " " + currency.numeric()
                + ", " + captureMode + "/" + captureDay + ", card=" + card + "]";
    }
}
