package org.caisse.common.money;

import java.util.Collection;
import java.util.Collections;
import java.util.Currency;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** ISO 4217 currencies from the JDK tables (funds and precious metals without a minor unit are left out). */
public final class Currencies {

    private static final Map<String, CurrencyUnit> BY_ALPHA;
    private static final Map<String, CurrencyUnit> BY_NUMERIC;

    static {
        Map<String, CurrencyUnit> byAlpha = new HashMap<>();
        Map<String, CurrencyUnit> byNumeric = new HashMap<>();
        for (Currency currency : Currency.getAvailableCurrencies()) {
            int digits = currency.getDefaultFractionDigits();
            int numeric = currency.getNumericCode();
            if (digits < 0 || numeric <= 0) {
                continue;
            }
            CurrencyUnit unit = new CurrencyUnit(currency.getCurrencyCode(), currency.getNumericCodeAsString(), digits);
            byAlpha.put(unit.alpha(), unit);
            // A numeric code shared by a withdrawn currency and its successor maps to the one in use today.
            byNumeric.merge(unit.numeric(), unit, Currencies::current);
        }
        BY_ALPHA = Collections.unmodifiableMap(byAlpha);
        BY_NUMERIC = Collections.unmodifiableMap(byNumeric);
    }

    private Currencies() {
    }

    /** By numeric code, e.g. {@code "978"} → EUR. */
    public static Optional<CurrencyUnit> byNumeric(String numeric) {
        return numeric == null ? Optional.empty() : Optional.ofNullable(BY_NUMERIC.get(numeric));
    }

    /** By alphabetic code, e.g. {@code "EUR"}. */
    public static Optional<CurrencyUnit> byAlpha(String alpha) {
        return alpha == null ? Optional.empty() : Optional.ofNullable(BY_ALPHA.get(alpha));
    }

    /** Every known currency. */
    public static Collection<CurrencyUnit> all() {
        return BY_ALPHA.values();
    }

    private static CurrencyUnit current(CurrencyUnit a, CurrencyUnit b) {
        boolean aInUse = inUse(a);
        boolean bInUse = inUse(b);
        if (aInUse != bInUse) {
            return aInUse ? a : b;
        }
        return a.alpha().compareTo(b.alpha()) <= 0 ? a : b;
    }

    private static boolean inUse(CurrencyUnit unit) {
        for (java.util.Locale locale : java.util.Locale.getAvailableLocales()) {
            if (locale.getCountry().length() == 2) {
                try {
                    Currency currency = Currency.getInstance(locale);
                    if (currency != null && currency.getCurrencyCode().equals(unit.alpha())) {
                        return true;
                    }
                } catch (IllegalArgumentException ignored) {
                    // locale without a currency
                }
            }
        }
        return false;
    }
}
