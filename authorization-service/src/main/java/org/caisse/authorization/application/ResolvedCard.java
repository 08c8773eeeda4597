package org.caisse.authorization.application;

import java.time.YearMonth;
import org.caisse.common.card.PanMasking;

/** A card ready for authorization, in memory only. {@link #toString()} never shows the number or CSC. */
public record ResolvedCard(String pan, YearMonth expiry, String csc, String brandHint) {
    @Override
    public String toString() {
        return "ResolvedCard[" + PanMasking.sipsMaskedPan(pan) + ", " + expiry + "]";
    }
}
