package org.caisse.common.sips;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ResponseCodeTest {

    @Test
    void everyCodeOfTheSipsTableIsKnownWithItsMeaning() {
        Map<String, String> table = Map.ofEntries(
                Map.entry("00", "accepted"), Map.entry("01", "partial success"), Map.entry("02", "referral"),
                Map.entry("03", "invalid merchant"), Map.entry("05", "authorization refused"),
                Map.entry("11", "card blocked"), Map.entry("12", "invalid transaction"),
                Map.entry("14", "invalid card data"), Map.entry("17", "cancelled by the customer"),
                Map.entry("24", "operation impossible"), Map.entry("25", "transaction unknown"),
                Map.entry("30", "format error"), Map.entry("34", "fraud suspicion"),
                Map.entry("40", "function not allowed"), Map.entry("51", "amount too high"),
                Map.entry("54", "card expired"), Map.entry("60", "pending"),
                Map.entry("63", "security rules not met"), Map.entry("75", "too many card entry attempts"),
                Map.entry("90", "service temporarily unavailable"), Map.entry("94", "duplicate"),
                Map.entry("97", "session expired"), Map.entry("99", "temporary server problem"));
        table.forEach((code, meaning) -> assertThat(ResponseCode.fromCode(code))
                .as(code).hasValueSatisfying(rc -> {
                    assertThat(rc.code()).isEqualTo(code);
                    assertThat(rc.meaning()).startsWith(meaning);
                }));
        assertThat(ResponseCode.values()).hasSize(table.size());
    }

    @Test
    void onlyTheSdkCodesAreAllowedInAPaypageResponse() {
        String allowed = Arrays.stream(ResponseCode.values()).filter(ResponseCode::allowedInPaypageResponse)
                .map(ResponseCode::code).sorted().collect(Collectors.joining(","));
        assertThat(allowed).isEqualTo("00,02,03,05,11,12,14,17,30,34,54,60,63,75,90,94,97,99");
    }

    @Test
    void unknownCodesAreEmpty() {
        assertThat(ResponseCode.fromCode("42")).isEmpty();
        assertThat(ResponseCode.fromCode(null)).isEmpty();
        assertThat(ResponseCode.fromCode("0")).isEmpty();
    }

    @Test
    void acquirerCodesOfTheSipsTable() {
        for (String code : new String[] {"00", "02", "05", "12", "13", "14", "33", "54", "34", "59", "41", "43",
                "51", "61", "65", "68", "91", "96", "A1"}) {
            assertThat(AcquirerResponseCode.fromCode(code)).as(code).isPresent();
        }
        assertThat(AcquirerResponseCode.values()).hasSize(19);
        assertThat(AcquirerResponseCode.fromCode("91")).hasValueSatisfying(
                c -> assertThat(c.meaning()).contains("unreachable"));
        assertThat(AcquirerResponseCode.fromCode("XX")).isEmpty();
    }

    @Test
    void transactionStatusesOfTheSipsLifecycle() {
        assertThat(Arrays.stream(TransactionStatus.values()).map(Enum::name))
                .containsExactlyInAnyOrder("TO_AUTHORIZE", "TO_VALIDATE", "TO_CAPTURE", "CAPTURED", "TO_CREDIT",
                        "REFERRAL", "REFUSED", "CANCELLED", "EXPIRED", "CREDITED");
        assertThat(TransactionStatus.CAPTURED.isTerminal()).isFalse();
        assertThat(TransactionStatus.CANCELLED.isTerminal()).isTrue();
        assertThat(TransactionStatus.fromName("TO_CAPTURE")).contains(TransactionStatus.TO_CAPTURE);
        assertThat(TransactionStatus.fromName("to_capture")).isEmpty();
    }
}
