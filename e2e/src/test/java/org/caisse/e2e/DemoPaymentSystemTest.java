package org.caisse.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PlatformUnderTest.class)
class DemoPaymentSystemTest {

    @Test
    void demoPaymentIsPaidNotifiedAndPartiallyCancelledThroughTheRunningServices() {
        List<String> steps = new ArrayList<>();
        DemoScenario scenario = new DemoScenario(PlatformUnderTest.PLATFORM, DemoMerchant.sipsTestMerchant(),
                (title, detail, took) -> steps.add(title), Duration.ofSeconds(60));

        DemoResult result = scenario.run();

        assertThat(steps).hasSize(7);
        assertThat(result.returnData())
                .containsEntry("responseCode", "00")
                .containsEntry("amount", "1000")
                .containsEntry("currencyCode", "978")
                .containsEntry("merchantId", "002001000000001")
                .containsEntry("paymentMeanBrand", "MASTERCARD")
                .containsKey("authorisationId");
        assertThat(result.returnData().get("maskedPan")).startsWith("5100").doesNotContain(DemoScenario.ACCEPTED_TEST_CARD);
        assertThat(result.notificationData())
                .containsEntry("transactionReference", result.transactionReference())
                .containsEntry("responseCode", "00")
                .containsEntry("authorisationId", result.returnData().get("authorisationId"));
        assertThat(result.notificationData().values()).noneMatch(v -> v.contains(DemoScenario.ACCEPTED_TEST_CARD));
        assertThat(result.transactionData().path("transactionStatus").asText()).isEqualTo("TO_CAPTURE");
        assertThat(result.cancelAnswer().path("newAmount").asLong()).isEqualTo(750);
        assertThat(result.cancelAnswer().path("newStatus").asText()).isEqualTo("TO_CAPTURE");
    }
}
