package org.caisse.common.seal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every seal test vector of SIPS.md §4 (1–5) and the Office refund vector of §5. */
class SealVectorsTest {

    static final String DEMO_KEY = "002001000000001_KEY1";

    @Test
    void vector1_hmacOfAPlainMessage() {
        assertThat(Seals.compute(SealAlgorithm.HMAC_SHA_256, "superSafeSecretKey", "This is a test!"))
                .isEqualTo("198e5f278e3f8548e174e84492953c4871732278b7e2aa2cbf20bb1ab85914ea");
    }

    @Test
    void vector2_jsonSealStringKeepsValuesSortedByKeyAndDropsKeyVersionAndSeal() {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("templateName", "customCSS.css");
        request.put("seal", "0123");
        request.put("keyVersion", 1);
        request.put("interfaceVersion", "IR_WS_2.19");
        request.put("customerId", "customerId");
        request.put("automaticResponseUrl", "http://test.com");
        request.put("amount", 10);
        assertThat(JsonSealString.of(request, JsonSealString.REQUEST_EXCLUSIONS))
                .isEqualTo("10http://test.comcustomerIdIR_WS_2.19customCSS.css");
    }

    @Test
    void vector3_sha256OfAResponseData() {
        String data = "captureDay=0|captureMode=AUTHOR_CAPTURE|currencyCode=978|merchantId=002001000000001"
                + "|orderChannel=INTERNET|responseCode=17|transactionDateTime=2018-02-06T07:43:55+01:00"
                + "|transactionReference=e1445438c15|keyVersion=1|amount=2|customerIpAddress=194.78.195.168"
                + "|paymentPattern=ONE_SHOT";
        String expected = "8f488030781e3196726ce0658dbc26f19781f7c7fbe212b39d63d3f4d1d77301";
        assertThat(Seals.compute(SealAlgorithm.SHA_256, DEMO_KEY, data)).isEqualTo(expected);
        assertThat(Seals.matches(SealAlgorithm.SHA_256, DEMO_KEY, data, expected)).isTrue();
    }

    @Test
    void vector4_sha256OfAShortData() {
        String data = "merchantId=002001000000001|keyVersion=1|amount=1000|responseCode=00"
                + "|transactionReference=534654|orderId=test_0001";
        assertThat(Seals.compute(SealAlgorithm.SHA_256, DEMO_KEY, data))
                .isEqualTo("935b3e0f26e8727612eed9c44eea9da0243815880da7790690581b2bcc09bbe0");
    }

    @Test
    void vector5_sha256OfTheSimulatorResponse() {
        String data = "captureDay=0|captureMode=AUTHOR_CAPTURE|currencyCode=978|merchantId=002001000000001"
                + "|orderChannel=INTERNET|responseCode=00|transactionDateTime=2016-02-01T17:44:20+01:00"
                + "|transactionReference=668930|keyVersion=1|acquirerResponseCode=00|amount=1200"
                + "|authorisationId=12345|cardCSCResultCode=4E|panExpiryDate=201605|paymentMeanBrand=MASTERCARD"
                + "|paymentMeanType=CARD|customerIpAddress=82.244.203.243|maskedPan=5100############00"
                + "|orderId=d4903de7027f4d56ac01634fd7ab9526|holderAuthentRelegation=N"
                + "|holderAuthentStatus=3D_ERROR|transactionOrigin=INTERNET|paymentPattern=ONE_SHOT";
        assertThat(Seals.compute(SealAlgorithm.SHA_256, DEMO_KEY, data))
                .isEqualTo("6ca3247765a19b45d25ad54ef4076483e7d55583166bd5ac9c64357aac097602");
    }

    @Test
    void officeRefundVector_sealStringAndHmac() {
        Map<String, Object> refund = new LinkedHashMap<>();
        refund.put("currencyCode", 978);
        refund.put("interfaceVersion", "CR_WS_2.3");
        refund.put("keyVersion", 1);
        refund.put("merchantId", "002001000000001");
        refund.put("operationAmount", 500);
        refund.put("transactionReference", "TREF0001");
        String sealString = JsonSealString.of(refund, JsonSealString.REQUEST_EXCLUSIONS);
        assertThat(sealString).isEqualTo("978CR_WS_2.3002001000000001500TREF0001");
        assertThat(Seals.compute(SealAlgorithm.HMAC_SHA_256, DEMO_KEY, sealString))
                .isEqualTo("8df81c078f6f5194a36ee368cc55dc59efc4dfc20849793802e38e59954d363b");
    }
}
