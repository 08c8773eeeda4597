package org.caisse.authorization.application;

import java.util.Objects;
import org.caisse.authorization.domain.CaptureMode;
import org.caisse.authorization.domain.NotificationContext;
import org.caisse.authorization.domain.ShopData;
import org.caisse.common.money.CurrencyUnit;

/**
 * A validated authorization request. {@link #toString()} never shows the card number or CSC.
 *
 * @param card the card: clear data, a token, a wallet card, or (duplicate) an earlier transaction's card
 */
public record AuthorizeCommand(String merchantId, String transactionReference, long amount, CurrencyUnit currency,
                               CaptureMode captureMode, int captureDay, String orderChannel, CardSource card,
                               String paymentMeanBrand, ShopData shop, NotificationContext notification) {

    public AuthorizeCommand {
        Objects.requireNonNull(card, "card");
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
