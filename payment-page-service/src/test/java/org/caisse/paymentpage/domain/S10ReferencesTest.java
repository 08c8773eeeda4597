package org.caisse.paymentpage.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.caisse.common.data.SipsData;
import org.junit.jupiter.api.Test;

class S10ReferencesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    @Test
    void theReferenceIsTheDatePlusTheIdDefaultingToToday() {
        SipsData withDate = S10References.apply(SipsData.parse(
                "merchantId=1|s10TransactionReference.s10TransactionId=123456|s10TransactionReference.s10TransactionIdDate=20261122"), TODAY);
        SipsData withoutDate = S10References.apply(SipsData.parse(
                "merchantId=1|s10TransactionReference.s10TransactionId=000042"), TODAY);

        assertThat(withDate.get("transactionReference")).contains("20261122123456");
        assertThat(withoutDate.get("transactionReference")).contains("20261123000042");
        assertThat(withDate.get("s10TransactionReference.s10TransactionId")).contains("123456");
    }

    @Test
    void anExplicitTransactionReferenceWinsAndNoS10LeavesTheDataAlone() {
        SipsData both = SipsData.parse("transactionReference=REF1|s10TransactionReference.s10TransactionId=123456");
        SipsData neither = SipsData.parse("merchantId=1");

        assertThat(S10References.apply(both, TODAY).get("transactionReference")).contains("REF1");
        assertThat(S10References.apply(neither, TODAY).get("transactionReference")).isEmpty();
    }

    @Test
    void aMalformedIdOrDateIs30NamingIt() {
        assertRefused("s10TransactionReference.s10TransactionId=12345", S10References.FIELD_ID);
        assertRefused("s10TransactionReference.s10TransactionId=12345a", S10References.FIELD_ID);
        assertRefused("s10TransactionReference.s10TransactionId=123456|s10TransactionReference.s10TransactionIdDate=20260230",
                S10References.FIELD_DATE);
        assertRefused("s10TransactionReference.s10TransactionIdDate=20261123", S10References.FIELD_ID);
    }

    private static void assertRefused(String data, String field) {
        assertThatThrownBy(() -> S10References.apply(SipsData.parse(data), TODAY))
                .isInstanceOfSatisfying(PaymentRequestRejected.class, e -> {
                    assertThat(e.responseCode().code()).isEqualTo("30");
                    assertThat(e.errorFieldName()).isEqualTo(field);
                });
    }
}
