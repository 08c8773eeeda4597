package org.caisse.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PlatformUnderTest.class)
class ForgedPaymentRequestSystemTest {

    private final DemoMerchant merchant = DemoMerchant.sipsTestMerchant();
    private final SipsHttp http = new SipsHttp();

    @Test
    void amountTamperedAfterSealingIsRefusedWith34AndLeavesTheReferenceUnused() {
        String reference = "FORGED" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        String sealed = data(reference, 1000);

        HttpResponse<String> forged = http.postForm(PlatformUnderTest.PLATFORM.paymentPage().resolve("/paymentInit"),
                form(data(reference, 1), merchant.hmacSeal(sealed)));

        assertThat(forged.statusCode()).isEqualTo(400);
        assertThat(forged.body()).contains("class=\"response-code\">34<");

        HttpResponse<String> genuine = http.postForm(PlatformUnderTest.PLATFORM.paymentPage().resolve("/paymentInit"),
                form(sealed, merchant.hmacSeal(sealed)));
        assertThat(genuine.statusCode()).as("the refused forgery must not have consumed the reference").isEqualTo(303);
    }

    private String data(String reference, long amount) {
        return "amount=" + amount + "|currencyCode=978|merchantId=" + merchant.merchantId()
                + "|normalReturnUrl=http://127.0.0.1:9/return|transactionReference=" + reference
                + "|keyVersion=" + merchant.keyVersion();
    }

    private static Map<String, String> form(String data, String seal) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("Data", data);
        form.put("Seal", seal);
        form.put("InterfaceVersion", "HP_2.24");
        form.put("SealAlgorithm", "HMAC-SHA-256");
        return form;
    }
}
