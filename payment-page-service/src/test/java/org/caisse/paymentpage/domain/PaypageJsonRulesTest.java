package org.caisse.paymentpage.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.caisse.common.data.SipsData;
import org.junit.jupiter.api.Test;

class PaypageJsonRulesTest {

    @Test
    void theDataIsFlattenedLikeAPaypagePostWithoutTheEnvelope() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("amount", 1050);
        body.put("customerContact", Map.of("email", "a@b.c"));
        body.put("paymentMeanBrandList", List.of("VISA", "CB"));
        body.put("interfaceVersion", "IR_WS_2.20");
        body.put("seal", "abc");
        body.put("sealAlgorithm", "HMAC-SHA-256");
        body.put("keyVersion", 1);

        SipsData data = PaypageJsonRules.data(body);

        assertThat(data.asMap()).containsExactlyInAnyOrderEntriesOf(Map.of("amount", "1050",
                "customerContact.email", "a@b.c", "paymentMeanBrandList", "VISA,CB", "keyVersion", "1"));
    }

    @Test
    void aDecimalAmountStaysAsWrittenAndIsRefusedByTheAmountRule() {
        Map<String, Object> body = Map.of("merchantId", "002001000000001", "keyVersion", 1, "amount", new BigDecimal("10.50"));
        assertRefused(() -> PaypageRequestRules.requireFields(PaypageJsonRules.data(body)), "amount");
    }

    @Test
    void unrepresentableValuesAre30NamingTheField() {
        assertRefused(() -> PaypageJsonRules.data(Map.of("orderId", "a|b")), "orderId");
        assertRefused(() -> PaypageJsonRules.data(Map.of("paymentMeanBrandList", List.of("VI,SA"))), "paymentMeanBrandList");
        assertRefused(() -> PaypageJsonRules.data(Map.of("items", List.of(Map.of("a", 1)))), "items");
    }

    @Test
    void onlyAnIrWsVersionFrom2AndHmacAreAccepted() {
        assertThat(PaypageJsonRules.interfaceVersion(Map.of("interfaceVersion", "IR_WS_2.20")).wireValue()).isEqualTo("IR_WS_2.20");
        assertRefused(() -> PaypageJsonRules.interfaceVersion(Map.of("interfaceVersion", "HP_2.20")), "interfaceVersion");
        assertRefused(() -> PaypageJsonRules.interfaceVersion(Map.of("interfaceVersion", "IR_WS_1.0")), "interfaceVersion");
        assertRefused(() -> PaypageJsonRules.interfaceVersion(Map.of("interfaceVersion", 2)), "interfaceVersion");
        assertRefused(() -> PaypageJsonRules.interfaceVersion(Map.of()), "interfaceVersion");
        PaypageJsonRules.requireHmacSealAlgorithm(Map.of());
        PaypageJsonRules.requireHmacSealAlgorithm(Map.of("sealAlgorithm", "HMAC-SHA-256"));
        assertRefused(() -> PaypageJsonRules.requireHmacSealAlgorithm(Map.of("sealAlgorithm", "SHA-256")), "sealAlgorithm");
    }

    private static void assertRefused(Runnable rule, String field) {
        assertThatThrownBy(rule::run).isInstanceOfSatisfying(PaymentRequestRejected.class, e -> {
            assertThat(e.responseCode().code()).isEqualTo("30");
            assertThat(e.errorFieldName()).isEqualTo(field);
        });
    }
}
