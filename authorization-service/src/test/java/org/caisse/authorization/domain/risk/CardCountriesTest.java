package org.caisse.authorization.domain.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class CardCountriesTest {

    final CardCountries table = CardCountries.parse(List.of("410000:FR", "4100000049:DE", "4111:US", "5100:GB"));

    @Test
    void theLongestMatchingPrefixWins() {
        assertThat(table.countryOf("4100000049000000")).contains("DE");
        assertThat(table.countryOf("4100000048000000")).contains("FR");
        assertThat(table.countryOf("4111111111111111")).contains("US");
        assertThat(table.countryOf("4200000000000000")).isEmpty();
        assertThat(table.countryOf("5100000000000000")).contains("GB");
    }

    @Test
    void anUnknownOrMissingNumberHasNoCountry() {
        assertThat(table.countryOf("6011000000000004")).isEmpty();
        assertThat(table.countryOf(null)).isEmpty();
        assertThat(table.countryOf("410")).isEmpty();
        assertThat(new CardCountries(Map.of()).countryOf("4100000000000000")).isEmpty();
    }

    @Test
    void malformedEntriesAreRefused() {
        assertThatThrownBy(() -> CardCountries.parse(List.of("410000=FR"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CardCountries.parse(List.of("410000:XX"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CardCountries.parse(List.of("410000:fr"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CardCountries.parse(List.of("410:FR"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CardCountries.parse(List.of("4100000000000:FR")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CardCountries.parse(List.of("410000:FR", "410000:DE")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void spacesAndEmptyEntriesOfTheConfigurationAreTolerated() {
        assertThat(CardCountries.parse(List.of(" 410000 : FR ", "")).countryOf("4100000000000000")).contains("FR");
    }

    @Provide
    Arbitrary<Map<String, String>> tables() {
        return Arbitraries.maps(Arbitraries.strings().withChars("01").ofMinLength(4).ofMaxLength(8),
                Arbitraries.of("FR", "DE", "US", "GB")).ofMaxSize(12);
    }

    @Property
    void theAnswerIsTheCountryOfTheLongestPrefixTheNumberStartsWith(
            @ForAll("tables") Map<String, String> prefixes,
            @ForAll("numbers") String number) {
        Optional<String> expected = prefixes.keySet().stream().filter(number::startsWith)
                .max((a, b) -> Integer.compare(a.length(), b.length())).map(prefixes::get);
        assertThat(new CardCountries(prefixes).countryOf(number)).isEqualTo(expected);
    }

    @Provide
    Arbitrary<String> numbers() {
        return Arbitraries.strings().withChars("01").ofMinLength(12).ofMaxLength(19);
    }
}
