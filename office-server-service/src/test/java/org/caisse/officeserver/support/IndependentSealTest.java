package org.caisse.officeserver.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.caisse.common.seal.JsonSealString;
import org.junit.jupiter.api.Test;

class IndependentSealTest {

    @Test
    void theSipsOfficeRefundVectorGivesTheDocumentedSealStringAndSeal() {
        Map<String, Object> refund = new LinkedHashMap<>();
        refund.put("currencyCode", 978);
        refund.put("interfaceVersion", "CR_WS_2.3");
        refund.put("keyVersion", 1);
        refund.put("merchantId", "002001000000001");
        refund.put("operationAmount", 500);
        refund.put("transactionReference", "TREF0001");

        String sealString = IndependentSeal.sealString(refund, IndependentSeal.REQUEST_EXCLUDED);

        assertThat(sealString).isEqualTo("978CR_WS_2.3002001000000001500TREF0001");
        assertThat(IndependentSeal.hmacSha256Hex("002001000000001_KEY1", sealString))
                .isEqualTo("8df81c078f6f5194a36ee368cc55dc59efc4dfc20849793802e38e59954d363b");
        assertThat(JsonSealString.of(refund, JsonSealString.REQUEST_EXCLUSIONS)).isEqualTo(sealString);
    }

    @Test
    void theSipsHmacVectorMatches() {
        assertThat(IndependentSeal.hmacSha256Hex("superSafeSecretKey", "This is a test!"))
                .isEqualTo("198e5f278e3f8548e174e84492953c4871732278b7e2aa2cbf20bb1ab85914ea");
    }
}
