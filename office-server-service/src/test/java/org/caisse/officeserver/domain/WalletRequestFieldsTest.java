package org.caisse.officeserver.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

import org.caisse.officeserver.domain.office.FieldFormatException;
import org.caisse.officeserver.domain.office.RequestFields;
import org.caisse.officeserver.domain.wallet.CardToAdd;
import org.caisse.officeserver.domain.wallet.WalletRequestFields;
import org.junit.jupiter.api.Test;

class WalletRequestFieldsTest {

    private static RequestFields with(String name, Object value) {
        Map<String, Object> body = new HashMap<>();
        body.put(name, value);
        return new RequestFields(body);
    }

    private static void refused(Function<RequestFields, ?> read, String name, Object value) {
        assertThatThrownBy(() -> read.apply(with(name, value))).as(name + "=" + value)
                .isInstanceOf(FieldFormatException.class)
                .satisfies(e -> assertThat(((FieldFormatException) e).fieldName()).isEqualTo(name))
                .satisfies(e -> {
                    if (String.valueOf(value).length() > 3) {
                        assertThat(e.getMessage()).doesNotContain(String.valueOf(value));
                    }
                });
    }

    @Test
    void merchantWalletId() {
        assertThat(WalletRequestFields.merchantWalletId(with("merchantWalletId", "CUST-42 é"))).isEqualTo("CUST-42 é");
        assertThat(WalletRequestFields.merchantWalletId(with("merchantWalletId", "w".repeat(21)))).hasSize(21);
        refused(WalletRequestFields::merchantWalletId, "merchantWalletId", "w".repeat(22));
        refused(WalletRequestFields::merchantWalletId, "merchantWalletId", "");
        refused(WalletRequestFields::merchantWalletId, "merchantWalletId", "a\tb");
        refused(WalletRequestFields::merchantWalletId, "merchantWalletId", "..");
        refused(WalletRequestFields::merchantWalletId, "merchantWalletId", 42);
    }

    @Test
    void paymentMeanIdIsAPositiveRankAsTextOrInteger() {
        assertThat(WalletRequestFields.paymentMeanId(with("paymentMeanId", "3"))).isEqualTo("3");
        assertThat(WalletRequestFields.paymentMeanId(with("paymentMeanId", "007"))).isEqualTo("7");
        assertThat(WalletRequestFields.paymentMeanId(with("paymentMeanId", 12))).isEqualTo("12");
        refused(WalletRequestFields::paymentMeanId, "paymentMeanId", "0");
        refused(WalletRequestFields::paymentMeanId, "paymentMeanId", "-1");
        refused(WalletRequestFields::paymentMeanId, "paymentMeanId", "1234567890");
        refused(WalletRequestFields::paymentMeanId, "paymentMeanId", "1.0");
    }

    @Test
    void cardNumberAndExpiryAreCheckedWithoutEchoingThem() {
        assertThat(WalletRequestFields.cardNumber(with("cardNumber", "4100000000000005"))).isEqualTo("4100000000000005");
        refused(WalletRequestFields::cardNumber, "cardNumber", "41000000000");
        refused(WalletRequestFields::cardNumber, "cardNumber", "41000000000000051234");
        refused(WalletRequestFields::cardNumber, "cardNumber", "4100-0000-0000-0005");
        refused(WalletRequestFields::cardNumber, "cardNumber", 4100000000000005L);
        assertThat(WalletRequestFields.cardExpiryDate(with("cardExpiryDate", "203012"))).isEqualTo("203012");
        assertThat(WalletRequestFields.cardExpiryDate(with("cardExpiryDate", 203001))).isEqualTo("203001");
        refused(WalletRequestFields::cardExpiryDate, "cardExpiryDate", "203000");
        refused(WalletRequestFields::cardExpiryDate, "cardExpiryDate", "12/30");
        assertThat(new CardToAdd("4100000000000005", "203012", null, null).toString())
                .doesNotContain("4100000000000005").contains("4100##########05");
    }

    @Test
    void aliasAndBrand() {
        assertThat(WalletRequestFields.optionalAlias(with("paymentMeanAlias", "x".repeat(64)))).isPresent();
        assertThat(WalletRequestFields.optionalAlias(with("other", "x"))).isEmpty();
        refused(WalletRequestFields::optionalAlias, "paymentMeanAlias", "x".repeat(65));
        refused(WalletRequestFields::optionalAlias, "paymentMeanAlias", "a\u0000b");
        refused(WalletRequestFields::requiredAlias, "paymentMeanAlias", "");
        assertThat(WalletRequestFields.optionalBrand(with("paymentMeanBrand", "visa"))).contains("VISA");
        refused(WalletRequestFields::optionalBrand, "paymentMeanBrand", "VISA-1");
    }
}
