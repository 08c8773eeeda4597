package org.caisse.authorization.adapter.out.acquirer;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.caisse.authorization.adapter.out.testcard.TestCardScenario;
import org.caisse.authorization.application.port.out.AcquirerAuthorizationAnswer;
import org.caisse.authorization.application.port.out.AcquirerAuthorizationPort;
import org.caisse.authorization.application.port.out.AcquirerAuthorizationRequest;
import org.caisse.authorization.config.AuthorizationConfig;
import org.caisse.common.card.CardBrand;
import org.caisse.common.card.CardBrands;
import org.caisse.common.card.Luhn;

/**
 * The test acquirer of SIPS.md §8: the first six digits pick the brand, the last two digits are the Sips
 * responseCode to simulate (an unknown code → 00), Luhn is skipped for the test prefixes and checked otherwise
 * (invalid → 14), an expired card → 54. A test card of the acquirer-timeout scenario ({@link TestCardScenario},
 * digits 7-8 {@code 03}) answers only after {@code caisse.test-acquirer.timeout-scenario-delay}. Never reaches a
 * real acquirer.
 */
@ApplicationScoped
public class TestAcquirer implements AcquirerAuthorizationPort {

    /** Sips responseCode simulated by the last two digits → the acquirer (ISO 8583 style) code answering it. */
    static final Map<String, String> ACQUIRER_CODE = Map.ofEntries(
            Map.entry("00", "00"),
            Map.entry("02", "02"),
            Map.entry("03", "03"),
            Map.entry("05", "05"),
            Map.entry("11", "41"),
            Map.entry("12", "12"),
            Map.entry("14", "14"),
            Map.entry("34", "59"),
            Map.entry("51", "51"),
            Map.entry("54", "54"),
            Map.entry("63", "34"),
            Map.entry("75", "75"),
            Map.entry("90", "91"),
            Map.entry("99", "96"));

    static final Duration DEFAULT_TIMEOUT_SCENARIO_DELAY = Duration.ofSeconds(20);

    private final SecureRandom random = new SecureRandom();
    private final Duration latency;
    private final Duration timeoutScenarioDelay;
    private final Clock clock;
    private final java.time.ZoneId zone;

    @jakarta.inject.Inject
    public TestAcquirer(AuthorizationConfig config, Clock clock) {
        this(config.testAcquirer().latency(), config.testAcquirer().timeoutScenarioDelay(), clock,
                config.timeZone());
    }

    TestAcquirer(Duration latency, Clock clock, java.time.ZoneId zone) {
        this(latency, DEFAULT_TIMEOUT_SCENARIO_DELAY, clock, zone);
    }

    TestAcquirer(Duration latency, Duration timeoutScenarioDelay, Clock clock, java.time.ZoneId zone) {
        this.latency = latency;
        this.timeoutScenarioDelay = timeoutScenarioDelay;
        this.clock = clock;
        this.zone = zone;
    }

    @Override
    public Uni<AcquirerAuthorizationAnswer> authorize(AcquirerAuthorizationRequest request) {
        Uni<AcquirerAuthorizationAnswer> answer = Uni.createFrom().item(() -> decide(request));
        Duration delay = delayFor(request.cardNumber());
        // a timer, not a sleep: the caller's thread (an event loop) is never held
        return delay.isZero() || delay.isNegative() ? answer : answer.onItem().delayIt().by(delay);
    }

    private Duration delayFor(String pan) {
        boolean timesOut = TestCardScenario.of(pan).map(TestCardScenario::acquirerTimesOut).orElse(false);
        return timesOut && timeoutScenarioDelay.compareTo(latency) > 0 ? timeoutScenarioDelay : latency;
    }

    AcquirerAuthorizationAnswer decide(AcquirerAuthorizationRequest request) {
        String pan = request.cardNumber();
        String brand = brandOf(pan, request.brand());
        String csc = cscResult(request.cscValue());
        boolean testCard = CardBrands.isTestPrefix(pan);
        if (!testCard && !Luhn.isValid(pan)) {
            return declined("14", csc, brand);
        }
        if (request.expiryDate().isBefore(YearMonth.now(clock.withZone(zone)))) {
            return declined("54", csc, brand);
        }
        String simulated = testCard ? pan.substring(pan.length() - 2) : "00";
        String acquirerCode = ACQUIRER_CODE.getOrDefault(simulated, "00");
        if (!"00".equals(acquirerCode)) {
            return declined(acquirerCode, csc, brand);
        }
        return new AcquirerAuthorizationAnswer(true, "00", String.format("%06d", random.nextInt(1_000_000)), csc, brand);
    }

    private static AcquirerAuthorizationAnswer declined(String acquirerCode, String csc, String brand) {
        return new AcquirerAuthorizationAnswer(false, acquirerCode, null, csc, brand);
    }

    private static String brandOf(String pan, String requested) {
        List<CardBrand> brands = CardBrands.fromPan(pan);
        if (requested != null && brands.stream().anyMatch(b -> b.name().equalsIgnoreCase(requested))) {
            return requested.toUpperCase(java.util.Locale.ROOT);
        }
        return brands.isEmpty() ? requested : brands.get(0).name();
    }

    /** CSC is not checked by the test acquirer: present → 4D (correct), absent → 53 (missing). */
    private static String cscResult(String csc) {
        return csc == null || csc.isBlank() ? "53" : "4D";
    }
}
