package org.caisse.common.money;

import java.util.Objects;

/**
 * An ISO 4217 currency: alphabetic code ({@code EUR}), numeric code as three digits ({@code 978}) and the number of
 * digits of its minor unit ({@code 2}).
 */
public record CurrencyUnit(String alpha, String numeric, int minorUnits) {

    public CurrencyUnit {
        Objects.requireNonNull(alpha, "alpha");
        Objects.requireNonNull(numeric, "numeric");
        if (!alpha.matches("[A-Z]{3}") || !numeric.matches("[0-9]{3}") || minorUnits < 0 || minorUnits > 4) {
            throw new IllegalArgumentException("Not an ISO 4217 currency: " + alpha + "/" + numeric);
        }
    }
}
