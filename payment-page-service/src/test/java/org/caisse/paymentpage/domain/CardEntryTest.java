package org.caisse.paymentpage.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.YearMonth;
import org.junit.jupiter.api.Test;

class CardEntryTest {

    private static final YearMonth NOW = YearMonth.of(2026, 11);

    @Test
    void parsesSpacesInTheNumberAndMmYyExpiry() {
        CardEntry card = CardEntry.parse("5100 0000 0000 0000", "12/28", "123", NOW, true);
        assertThat(card.number()).isEqualTo("5100000000000000");
        assertThat(card.expiryDate()).isEqualTo("202812");
        assertThat(card.toString()).doesNotContain("5100000000000000").doesNotContain("123");
    }

    @Test
    void refusesPastExpiryBadMonthShortNumberAndBadCsc() {
        assertField(() -> CardEntry.parse("5100000000000000", "10/26", "123", NOW, true), CardEntry.Field.EXPIRY);
        assertField(() -> CardEntry.parse("5100000000000000", "13/30", "123", NOW, true), CardEntry.Field.EXPIRY);
        assertField(() -> CardEntry.parse("51000", "12/30", "123", NOW, true), CardEntry.Field.NUMBER);
        assertField(() -> CardEntry.parse("5100000000000000", "12/30", "12a", NOW, true), CardEntry.Field.CSC);
    }

    @Test
    void luhnIsCheckedOutsideTestModeOnly() {
        assertThat(CardEntry.parse("4100000000000005", "12/30", "123", NOW, true).number()).isEqualTo("4100000000000005");
        assertField(() -> CardEntry.parse("4100000000000005", "12/30", "123", NOW, false), CardEntry.Field.NUMBER);
        assertThat(CardEntry.parse("4111111111111111", "12/30", "123", NOW, false).number()).isEqualTo("4111111111111111");
    }

    private static void assertField(Runnable parse, CardEntry.Field field) {
        assertThatThrownBy(parse::run).isInstanceOfSatisfying(CardEntry.Invalid.class, e -> assertThat(e.field()).isEqualTo(field));
    }
}
