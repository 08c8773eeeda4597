package org.caisse.common.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class CardTest {

    @Test
    void luhnKnownNumbers() {
        assertThat(Luhn.isValid("4111111111111111")).isTrue();
        assertThat(Luhn.isValid("5555555555554444")).isTrue();
        assertThat(Luhn.isValid("378282246310005")).isTrue();
        assertThat(Luhn.isValid("4111111111111112")).isFalse();
        assertThat(Luhn.isValid("")).isFalse();
        assertThat(Luhn.isValid(null)).isFalse();
        assertThat(Luhn.isValid("4111 1111 1111 1111")).isFalse();
        assertThat(Luhn.checkDigit("411111111111111")).isEqualTo(1);
        assertThat(Luhn.checkDigit("7992739871")).isEqualTo(3);
        assertThatThrownBy(() -> Luhn.checkDigit("12a")).isInstanceOf(IllegalArgumentException.class);
    }

    @Property
    void appendingTheCheckDigitAlwaysMakesAValidNumber(@ForAll("digits") String partial) {
        String full = partial + Luhn.checkDigit(partial);
        assertThat(Luhn.isValid(full)).isTrue();
        int last = full.charAt(full.length() - 1) - '0';
        String wrong = full.substring(0, full.length() - 1) + (last + 1) % 10;
        assertThat(Luhn.isValid(wrong)).isFalse();
    }

    @Test
    void maskingExamples() {
        assertThat(PanMasking.binAndLast4("4100000000000005")).isEqualTo("410000******0005");
        assertThat(PanMasking.sipsMaskedPan("4100000000000005")).isEqualTo("4100##########05");
        assertThat(PanMasking.sipsMaskedPan("5100 0000 0000 0000")).isEqualTo("5100##########00");
        assertThat(PanMasking.binAndLast4("12345")).isEqualTo("*****");
        assertThatThrownBy(() -> PanMasking.binAndLast4("4100x00000000005"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("4100");
    }

    @Property
    void binAndLast4NeverRevealsMoreThanSixPlusFourDigits(@ForAll("digits") String pan) {
        String masked = PanMasking.binAndLast4(pan);
        assertThat(masked).hasSize(pan.length());
        assertRevealsAtMost(pan, masked, 6, 4, '*');
    }

    @Property
    void sipsMaskNeverRevealsMoreThanFourPlusTwoDigits(@ForAll("digits") String pan) {
        String masked = PanMasking.sipsMaskedPan(pan);
        assertThat(masked).hasSize(pan.length());
        assertRevealsAtMost(pan, masked, 4, 2, '#');
    }

    private static void assertRevealsAtMost(String pan, String masked, int head, int tail, char mask) {
        long shown = masked.chars().filter(Character::isDigit).count();
        assertThat(shown).isLessThanOrEqualTo(head + tail);
        for (int i = 0; i < masked.length(); i++) {
            char c = masked.charAt(i);
            if (c != mask) {
                assertThat(i < head || i >= pan.length() - tail).as("position %d", i).isTrue();
                assertThat(c).isEqualTo(pan.charAt(i));
            }
        }
        if (pan.length() >= 12) {
            assertThat(masked.substring(head, pan.length() - tail)).matches("\\" + mask + "+");
        } else {
            assertThat(shown).isZero();
        }
    }

    @Provide
    Arbitrary<String> digits() {
        return Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(19);
    }

    @Test
    void everySipsTestPrefixGivesItsBrands() {
        Map<String, List<CardBrand>> expected = Map.ofEntries(
                Map.entry("3400000000000005", List.of(CardBrand.AMEX)),
                Map.entry("4000000000000005", List.of(CardBrand.VPAY)),
                Map.entry("4100000000000005", List.of(CardBrand.VISA)),
                Map.entry("4200000000000000", List.of(CardBrand.CB)),
                Map.entry("4300000000000000", List.of(CardBrand.CB, CardBrand.VISA)),
                Map.entry("4400000000000000", List.of(CardBrand.CB, CardBrand.VPAY)),
                Map.entry("4500000000000000", List.of(CardBrand.CB, CardBrand.VISA_ELECTRON)),
                Map.entry("4600000000000000", List.of(CardBrand.VISA, CardBrand.MASTERCARD)),
                Map.entry("5000000000000000", List.of(CardBrand.MAESTRO)),
                Map.entry("5100000000000000", List.of(CardBrand.MASTERCARD)),
                Map.entry("5200000000000000", List.of(CardBrand.CB, CardBrand.MASTERCARD)),
                Map.entry("5300000000000000", List.of(CardBrand.CB, CardBrand.MAESTRO)));
        expected.forEach((pan, brands) -> {
            assertThat(CardBrands.fromPan(pan)).as(pan).isEqualTo(brands);
            assertThat(CardBrands.isTestPrefix(pan)).isTrue();
        });
        assertThat(CardBrands.TEST_PREFIXES).hasSize(expected.size());
    }

    @Test
    void publicRangesAfterTheTestPrefixes() {
        assertThat(CardBrands.fromPan("4111111111111111")).containsExactly(CardBrand.VISA);
        assertThat(CardBrands.fromPan("5555555555554444")).containsExactly(CardBrand.MASTERCARD);
        assertThat(CardBrands.fromPan("2221000000000009")).containsExactly(CardBrand.MASTERCARD);
        assertThat(CardBrands.fromPan("2720990000000007")).containsExactly(CardBrand.MASTERCARD);
        assertThat(CardBrands.fromPan("378282246310005")).containsExactly(CardBrand.AMEX);
        assertThat(CardBrands.fromPan("6759649826438453")).containsExactly(CardBrand.MAESTRO);
        assertThat(CardBrands.fromPan("3530111333300000")).containsExactly(CardBrand.JCB);
        assertThat(CardBrands.fromPan("6011111111111117")).containsExactly(CardBrand.DISCOVER);
        assertThat(CardBrands.fromPan("9999999999999995")).isEmpty();
        assertThat(CardBrands.fromPan("41x")).isEmpty();
        assertThat(CardBrands.fromPan(null)).isEmpty();
        assertThat(CardBrands.isTestPrefix("4111111111111111")).isFalse();
    }
}
