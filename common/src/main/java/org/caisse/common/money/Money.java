package org.caisse.common.money;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;
import java.util.Objects;

/** An amount in minor units of a currency ({@code 1050} EUR = 10.50 EUR). Never a floating-point number. */
public record Money(long minorUnits, CurrencyUnit currency) {

    public Money {
        Objects.requireNonNull(currency, "currency");
    }

    public static Money of(long minorUnits, CurrencyUnit currency) {
        return new Money(minorUnits, currency);
    }

    /** @throws IllegalArgumentException when the currencies differ; ArithmeticException on overflow */
    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(Math.addExact(minorUnits, other.minorUnits), currency);
    }

    /** @throws IllegalArgumentException when the currencies differ; ArithmeticException on overflow */
    public Money minus(Money other) {
        requireSameCurrency(other);
        return new Money(Math.subtractExact(minorUnits, other.minorUnits), currency);
    }

    /** @throws IllegalArgumentException when the currencies differ */
    public boolean isGreaterThan(Money other) {
        requireSameCurrency(other);
        return minorUnits > other.minorUnits;
    }

    public boolean isNegative() {
        return minorUnits < 0;
    }

    public boolean isZero() {
        return minorUnits == 0;
    }

    /** The amount in major units, exactly ({@code 1050} EUR → {@code 10.50}). */
    public BigDecimal toMajor() {
        return BigDecimal.valueOf(minorUnits, currency.minorUnits());
    }

    /** Formatted for display, e.g. {@code 10,50 €} in French. */
    public String format(Locale locale) {
        NumberFormat format = NumberFormat.getCurrencyInstance(locale);
        format.setCurrency(Currency.getInstance(currency.alpha()));
        format.setMinimumFractionDigits(currency.minorUnits());
        format.setMaximumFractionDigits(currency.minorUnits());
        return format.format(toMajor());
    }

    private void requireSameCurrency(Money other) {
        Objects.requireNonNull(other, "other");
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException(
                    "Currency mismatch: " + currency.alpha() + " and " + other.currency.alpha());
        }
    }
}
