package org.caisse.authorization.application.port.out;

import java.time.YearMonth;
import java.util.Objects;
import org.caisse.common.card.PanMasking;

/**
 * Card data opened from {@code encryptedCardData}: the card number (digits only), its expiry month and the optional
 * security code ({@code null} when the shop sent none). {@link #toString()} shows BIN and last four digits only and
 * never the code.
 */
public record DecryptedCard(String pan, YearMonth expiry, String csc) {

    public DecryptedCard {
        Objects.requireNonNull(pan, "pan");
        Objects.requireNonNull(expiry, "expiry");
    }

    public boolean hasCsc() {
        return csc != null;
    }

    @Override
    public String toString() {
        return "DecryptedCard[pan=" + PanMasking.binAndLast4(pan) + ", expiry=" + expiry + ", csc="
                + (csc == null ? "none" : "***") + "]";
    }
}
