package org.caisse.e2e;

import java.time.Duration;

/** {@code ./caisse demo}: one scripted payment through the running platform, each step printed. */
public final class DemoMain {

    private DemoMain() {
    }

    public static void main(String[] args) {
        DemoMerchant merchant = DemoMerchant.sipsTestMerchant();
        System.out.printf("Demo payment as merchant %s (key version %d)%n", merchant.merchantId(), merchant.keyVersion());
        int[] number = {0};
        DemoScenario scenario = new DemoScenario(PlatformEndpoints.fromEnvironment(), merchant,
                (title, detail, took) -> System.out.printf("  %d. %-40s %6d ms  %s%n",
                        ++number[0], title, took.toMillis(), detail),
                Duration.ofSeconds(60));
        try {
            DemoResult result = scenario.run();
            System.out.printf("Demo payment %s done in %d ms: paid, notified, partially cancelled.%n",
                    result.transactionReference(), result.elapsed().toMillis());
        } catch (DemoStepFailed | java.io.UncheckedIOException e) {
            System.out.println("Demo FAILED at step " + (number[0] + 1) + ": " + e.getMessage());
            System.exit(1);
        }
    }
}
