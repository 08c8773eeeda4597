package org.caisse.authorization.domain;

import java.time.YearMonth;
import java.util.Objects;

/**
 * What the transaction keeps of the card: never the full PAN nor the CSC (the vault comes later).
 *
 * @param maskedPan        Sips masked PAN: first 4 digits, {@code #} in the middle, last 2 digits
 * @param brand            paymentMeanBrand (e.g. {@code VISA}, {@code MASTERCARD}, {@code CB})
 * @param expiryDate       card expiry month
 * @param paymentMeanType  {@code CARD}
 * @param cscResultCode    cardCSCResultCode from the acquirer ({@code 4D}, {@code 4E}, {@code 50}, {@code 53}, {@code 55}), may be null
 */
public record MaskedCard(String maskedPan, String brand, YearMonth expiryDate, String paymentMeanType, String cscResultCode) {

    public MaskedCard {
        Objects.requireNonNull(maskedPan, "maskedPan");
        if (maskedPan.chars().filter(Character::isDigit).count() > 6) {
            throw new IllegalArgumentException("a masked PAN shows at most 6 digits");
        }
        Objects.requireNonNull(expiryDate, "expiryDate");
        paymentMeanType = paymentMeanType == null ? "CARD" : paymentMeanType;
    }

    public MaskedCard withCscResultCode(String code) {
        return new MaskedCard(maskedPan, brand, expiryDate, paymentMeanType, code);
    }
}
