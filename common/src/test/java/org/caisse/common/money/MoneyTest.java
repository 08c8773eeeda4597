package org.caisse.common.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class MoneyTest {

    static final CurrencyUnit EUR = Currencies.byAlpha("EUR").orElseThrow();
    static final CurrencyUnit JPY = Currencies.byNumeric("392").orElseThrow();

    @Test
    void isoCurrenciesWithTheirMinorUnits() {
        assertThat(Currencies.byNumeric("978")).contains(new CurrencyUnit("EUR", "978", 2));
        assertThat(Currencies.byNumeric("392")).contains(new CurrencyUnit("JPY", "392", 0));
        assertThat(Currencies.byNumeric("048")).contains(new CurrencyUnit("BHD", "048", 3));
        assertThat(Currencies.byNumeric("840")).contains(new CurrencyUnit("USD", "840", 2));
        assertThat(Currencies.byNumeric("826")).contains(new CurrencyUnit("GBP", "826", 2));
        assertThat(Currencies.byNumeric("756")).contains(new CurrencyUnit("CHF", "756", 2));
        assertThat(Currencies.byAlpha("BHD")).contains(new CurrencyUnit("BHD", "048", 3));
    }

    @Test
    void unknownOrMalformedCodesAreEmpty() {
        assertThat(Currencies.byNumeric("999")).isEmpty();
        assertThat(Currencies.byNumeric("48")).isEmpty();
        assertThat(Currencies.byNumeric(null)).isEmpty();
        assertThat(Currencies.byAlpha("eur")).isEmpty();
        assertThat(Currencies.byAlpha("XAU")).isEmpty();
    }

    @Test
    void everyNumericCodeMapsBackToItsCurrency() {
        for (CurrencyUnit unit : Currencies.all()) {
            assertThat(Currencies.byAlpha(unit.alpha())).contains(unit);
            assertThat(Currencies.byNumeric(unit.numeric())).isPresent();
        }
    }

    @Test
    void arithmeticStaysInTheCurrency() {
        Money ten = Money.of(1000, EUR);
        Money three = Money.of(300, EUR);
        assertThat(ten.plus(three)).isEqualTo(Money.of(1300, EUR));
        assertThat(three.minus(ten)).isEqualTo(Money.of(-700, EUR));
        assertThat(three.minus(ten).isNegative()).isTrue();
        assertThat(ten.isGreaterThan(three)).isTrue();
        assertThat(three.isGreaterThan(three)).isFalse();
        assertThatThrownBy(() -> ten.plus(Money.of(1, JPY))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ten.minus(Money.of(1, JPY))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ten.isGreaterThan(Money.of(1, JPY))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Money.of(Long.MAX_VALUE, EUR).plus(Money.of(1, EUR)))
                .isInstanceOf(ArithmeticException.class);
    }

    @Test
    void formatUsesTheMinorUnitsOfTheCurrency() {
        assertThat(Money.of(1050, EUR).format(Locale.US)).isEqualTo("€10.50");
        assertThat(Money.of(1050, JPY).format(Locale.US)).isEqualTo("¥1,050");
        assertThat(Money.of(1050, Currencies.byNumeric("048").orElseThrow()).format(Locale.US)).contains("1.050");
        assertThat(Money.of(1050, EUR).format(Locale.FRANCE)).contains("10,50").contains("€");
        assertThat(Money.of(1050, EUR).toMajor()).isEqualByComparingTo("10.50");
    }
}
