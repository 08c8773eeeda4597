package org.caisse.paymentpage.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BrandChoiceTest {

    @Test
    void onlyTheCardBrandsTheTestAcquirerKnowsAreOfferedInTheRequestOrder() {
        assertThat(BrandChoice.offered(Optional.of("PAYPAL, cb,VISA ELECTRON,VISA,CB,IDEAL")))
                .containsExactly("CB", "VISA_ELECTRON", "VISA");
        assertThat(BrandChoice.offered(Optional.of("PAYPAL"))).isEmpty();
        assertThat(BrandChoice.offered(Optional.empty())).isEmpty();
    }

    @Test
    void withoutAnOfferNoBrandIsSent() {
        assertThat(BrandChoice.resolve(List.of(), "VISA", "5100000000000000")).isNull();
    }

    @Test
    void aChosenBrandMustBeOfferedAndBeTheCardsOne() {
        List<String> offered = List.of("VISA", "MASTERCARD", "CB");
        assertThat(BrandChoice.resolve(offered, "CB", "4300000000000000")).isEqualTo("CB");
        assertThat(BrandChoice.resolve(offered, "VISA", "4300000000000000")).isEqualTo("VISA");
        assertThatThrownBy(() -> BrandChoice.resolve(offered, "VISA", "5100000000000000"))
                .isInstanceOfSatisfying(CardEntry.Invalid.class, e -> assertThat(e.field()).isEqualTo(CardEntry.Field.BRAND))
                .hasMessageNotContaining("5100");
        assertThatThrownBy(() -> BrandChoice.resolve(offered, "AMEX", "3400000000000000"))
                .as("a brand outside the offer").isInstanceOf(CardEntry.Invalid.class);
    }

    @Test
    void withoutAChoiceTheFirstOfferedBrandOfTheCardIsSent() {
        assertThat(BrandChoice.resolve(List.of("MASTERCARD", "CB"), null, "5200000000000000")).isEqualTo("MASTERCARD");
        assertThat(BrandChoice.resolve(List.of("CB", "MASTERCARD"), "", "5200000000000000")).isEqualTo("CB");
        assertThatThrownBy(() -> BrandChoice.resolve(List.of("AMEX"), null, "4100000000000000"))
                .isInstanceOf(CardEntry.Invalid.class);
    }
}
