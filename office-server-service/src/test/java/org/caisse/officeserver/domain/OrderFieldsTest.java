package org.caisse.officeserver.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;

import org.caisse.officeserver.domain.office.FieldFormatException;
import org.caisse.officeserver.domain.office.OrderFields;
import org.caisse.officeserver.domain.office.RequestFields;
import org.junit.jupiter.api.Test;

class OrderFieldsTest {

    private static OrderFields of(String name, Object value) {
        Map<String, Object> body = new HashMap<>();
        body.put(name, value);
        return new OrderFields(new RequestFields(body));
    }

    @Test
    void aCardExpiryDateIsYearAndMonth() {
        assertThat(of("cardExpiryDate", "202812").cardExpiryDate()).isEqualTo("202812");
        for (String bad : new String[] {"202800", "202813", "2028-12", "20281", "12/28"}) {
            assertThatThrownBy(() -> of("cardExpiryDate", bad).cardExpiryDate()).as(bad)
                    .isInstanceOf(FieldFormatException.class).hasMessageNotContaining(bad);
        }
    }

    @Test
    void aRefusedCardNumberIsNamedNeverQuoted() {
        String pan = "51000000000000001234";
        assertThatThrownBy(() -> of("cardNumber", pan).cardNumber())
                .isInstanceOfSatisfying(FieldFormatException.class,
                        e -> assertThat(e.fieldName()).isEqualTo("cardNumber"))
                .hasMessageNotContaining(pan);
        assertThat(of("cardNumber", "410000000000").cardNumber()).hasSize(12);
    }

    @Test
    void theCscIsOptionalAndThreeOrFourDigits() {
        assertThat(of("other", "x").cardCSCValue()).isEmpty();
        assertThat(of("cardCSCValue", "1234").cardCSCValue()).contains("1234");
        assertThatThrownBy(() -> of("cardCSCValue", "12345").cardCSCValue()).isInstanceOf(FieldFormatException.class);
        assertThatThrownBy(() -> of("cardCSCValue", 123).cardCSCValue()).isInstanceOf(FieldFormatException.class);
    }

    @Test
    void encryptedCardDataIsACompactJwe() {
        assertThat(of("encryptedCardData", "a.b.c.d.e").encryptedCardData()).isEqualTo("a.b.c.d.e");
        assertThat(of("encryptedCardData", "a..c.d.e").encryptedCardData()).isEqualTo("a..c.d.e");
        for (String bad : new String[] {"a.b.c.d", "a.b.c.d.e.f", "a.b.c.d.e=", "x".repeat(4097)}) {
            assertThatThrownBy(() -> of("encryptedCardData", bad).encryptedCardData())
                    .isInstanceOf(FieldFormatException.class);
        }
    }

    @Test
    void aPaymentMeanIdIsAPositiveNumberAsTextOrInteger() {
        assertThat(of("paymentMeanId", 7).paymentMeanId()).isEqualTo("7");
        assertThat(of("paymentMeanId", "123456789").paymentMeanId()).isEqualTo("123456789");
        for (Object bad : new Object[] {0, "0", "01", "1234567890", "a", 1.5}) {
            assertThatThrownBy(() -> of("paymentMeanId", bad).paymentMeanId()).as(String.valueOf(bad))
                    .isInstanceOf(FieldFormatException.class);
        }
    }

    @Test
    void enumeratedFieldsTakeOnlyTheirValues() {
        assertThat(of("captureMode", "IMMEDIATE").captureMode()).contains("IMMEDIATE");
        assertThatThrownBy(() -> of("captureMode", "immediate").captureMode()).isInstanceOf(FieldFormatException.class);
        assertThat(of("orderChannel", "TELEPHONE_ORDER").orderChannel()).contains("TELEPHONE_ORDER");
        assertThat(of("lastRecoveryIndicator", "N").lastRecoveryIndicator()).contains("N");
        assertThatThrownBy(() -> of("lastRecoveryIndicator", "YES").lastRecoveryIndicator())
                .isInstanceOf(FieldFormatException.class);
        assertThat(of("captureDay", "99").captureDay()).contains(99);
        assertThatThrownBy(() -> of("captureDay", -1).captureDay()).isInstanceOf(FieldFormatException.class);
    }

    @Test
    void anUnknownCurrencyIsRefused() {
        assertThat(of("currencyCode", 978).currencyCode()).isEqualTo("978");
        assertThatThrownBy(() -> of("currencyCode", "000").currencyCode()).isInstanceOf(FieldFormatException.class);
    }
}
