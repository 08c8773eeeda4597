package org.caisse.officeserver.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

import org.caisse.officeserver.domain.office.CommonRequestFields;
import org.caisse.officeserver.domain.office.FieldFormatException;
import org.caisse.officeserver.domain.office.RequestFields;
import org.junit.jupiter.api.Test;

class RequestFieldsTest {

    private static RequestFields fields(Object... pairs) {
        Map<String, Object> body = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            body.put((String) pairs[i], pairs[i + 1]);
        }
        return new RequestFields(body);
    }

    private static String badField(Runnable read) {
        try {
            read.run();
        } catch (FieldFormatException e) {
            return e.fieldName();
        }
        throw new AssertionError("no FieldFormatException");
    }

    @Test
    void anS10ReferenceNamesTheTransactionByDateAndIdWhenTheReferenceIsAbsent() {
        assertThat(fields("s10TransactionReference",
                Map.of("s10TransactionId", "123456", "s10TransactionIdDate", "20261122")).transactionReference())
                .isEqualTo("20261122123456");
        assertThat(fields("s10TransactionReference", Map.of("s10TransactionId", 654321)).transactionReference())
                .isEqualTo(java.time.LocalDate.now(java.time.ZoneId.of("Europe/Paris"))
                        .format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE) + "654321");
        assertThat(fields("transactionReference", "REF1", "s10TransactionReference",
                Map.of("s10TransactionId", "123456")).transactionReference()).isEqualTo("REF1");
    }

    @Test
    void aMalformedS10ReferenceIsRefusedNamingItsField() {
        assertThat(badField(() -> fields("s10TransactionReference", Map.of("s10TransactionId", "12345"))
                .transactionReference())).isEqualTo("s10TransactionReference.s10TransactionId");
        assertThat(badField(() -> fields("s10TransactionReference",
                Map.of("s10TransactionId", "123456", "s10TransactionIdDate", "20261332")).transactionReference()))
                .isEqualTo("s10TransactionReference.s10TransactionIdDate");
        assertThat(badField(() -> fields("s10TransactionReference", "20261122123456").transactionReference()))
                .isEqualTo("s10TransactionReference");
        assertThat(badField(() -> fields("amount", 1).transactionReference())).isEqualTo("transactionReference");
    }

    @Test
    void amountsMayBeNumbersOrNumericStrings() {
        assertThat(fields("operationAmount", 500).positiveAmount("operationAmount")).isEqualTo(500);
        assertThat(fields("operationAmount", "500").positiveAmount("operationAmount")).isEqualTo(500);
        assertThat(fields("operationAmount", new BigDecimal("500")).positiveAmount("operationAmount")).isEqualTo(500);
    }

    @Test
    void amountsMustBePositiveIntegers() {
        for (Object bad : new Object[]{0, -5, "-5", "5.0", new BigDecimal("5.5"), "abc", true, 1_000_000_000_000L}) {
            assertThat(badField(() -> fields("operationAmount", bad).positiveAmount("operationAmount")))
                    .as("amount %s", bad).isEqualTo("operationAmount");
        }
    }

    @Test
    void currencyCodeIsNormalisedToThreeDigits() {
        assertThat(fields("currencyCode", 978).currencyCode()).isEqualTo("978");
        assertThat(fields("currencyCode", 36).currencyCode()).isEqualTo("036");
        assertThat(badField(() -> fields("currencyCode", "EUR").currencyCode())).isEqualTo("currencyCode");
    }

    @Test
    void transactionReferenceIsOneToThirtyFiveAlphanumerics() {
        assertThat(fields("transactionReference", "TREF0001").transactionReference()).isEqualTo("TREF0001");
        assertThat(badField(() -> fields("transactionReference", "A".repeat(36)).transactionReference()))
                .isEqualTo("transactionReference");
        assertThat(badField(() -> fields("transactionReference", "a-b").transactionReference()))
                .isEqualTo("transactionReference");
        assertThat(badField(() -> fields().transactionReference())).isEqualTo("transactionReference");
    }

    @Test
    void commonFieldsAreCheckedInAFixedOrder() {
        assertThat(badField(() -> CommonRequestFields.parse(fields(), "CR_WS_"))).isEqualTo("merchantId");
        assertThat(badField(() -> CommonRequestFields.parse(
                fields("merchantId", 2001000000001L, "interfaceVersion", "CR_WS_2.3"), "CR_WS_")))
                .isEqualTo("merchantId");
        assertThat(badField(() -> CommonRequestFields.parse(
                fields("merchantId", "002001000000001", "interfaceVersion", "CR_WS_2.3"), "CR_WS_")))
                .isEqualTo("keyVersion");
        assertThat(badField(() -> CommonRequestFields.parse(
                fields("merchantId", "002001000000001", "interfaceVersion", "CR_WS_2.3", "keyVersion", 1), "CR_WS_")))
                .isEqualTo("seal");
        assertThat(badField(() -> CommonRequestFields.parse(
                fields("merchantId", "002001000000001", "interfaceVersion", "CR_WS_2.3", "keyVersion", 1,
                        "seal", "ab", "sealAlgorithm", "SHA-256"), "CR_WS_")))
                .isEqualTo("sealAlgorithm");
        assertThat(CommonRequestFields.parse(
                fields("merchantId", "002001000000001", "interfaceVersion", "CR_WS_2.3", "keyVersion", "1",
                        "seal", "ab"), "CR_WS_").keyVersion()).isEqualTo(1);
    }

    @Test
    void keyVersionStartsAtOne() {
        assertThat(badField(() -> fields("keyVersion", 0).keyVersion())).isEqualTo("keyVersion");
        assertThat(badField(() -> fields("keyVersion", "0").keyVersion())).isEqualTo("keyVersion");
        assertThat(badField(() -> fields("keyVersion", -1).keyVersion())).isEqualTo("keyVersion");
        assertThat(badField(() -> fields("keyVersion", 2147483648L).keyVersion())).isEqualTo("keyVersion");
        assertThat(fields("keyVersion", 1).keyVersion()).isEqualTo(1);
        assertThat(CommonRequestFields.keyReferenceOf(fields("merchantId", "002001000000001", "keyVersion", 0)))
                .isEmpty();
    }

    @Test
    void unknownFieldReadAsOptionalIsEmpty() {
        assertThat(fields().optionalString("operationOrigin", 20)).isEmpty();
        assertThatThrownBy(() -> fields("operationOrigin", 5).optionalString("operationOrigin", 20))
                .isInstanceOf(FieldFormatException.class);
    }
}
