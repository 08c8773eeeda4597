package org.caisse.authorization.domain.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.caisse.common.money.Currencies;
import org.caisse.common.money.CurrencyUnit;
import org.caisse.common.money.Money;
import org.caisse.common.sips.ResponseCode;
import org.junit.jupiter.api.Test;

class FraudEvaluationTest {

    static final CurrencyUnit EUR = Currencies.byAlpha("EUR").orElseThrow();
    static final CurrencyUnit USD = Currencies.byAlpha("USD").orElseThrow();

    static PaymentRiskFacts facts(long euros, String bin, String country, int attempts, boolean capable) {
        return new PaymentRiskFacts(Money.of(euros, EUR), bin, Optional.ofNullable(country), attempts, capable);
    }

    static PaymentRiskFacts plain(long amount) {
        return facts(amount, "41000000", "FR", 0, true);
    }

    static FraudRules rules(Map<CurrencyUnit, Long> ceilings, Velocity velocity, Set<String> bins,
                            Set<String> countries, Map<CurrencyUnit, Long> force) {
        return new FraudRules(ceilings, Optional.ofNullable(velocity), bins, countries, force);
    }

    @Test
    void noRulePassesEveryPaymentWithout3DSecureMandatory() {
        assertThat(FraudEvaluation.evaluate(FraudRules.none(), facts(999_999_999_999L, "41000000", "RU", 1000, false)))
                .isEqualTo(new FraudDecision.Pass(false));
    }

    @Test
    void amountAboveTheCeilingOfItsCurrencyIsRefusedWith51() {
        FraudRules rules = rules(Map.of(EUR, 50_000L), null, Set.of(), Set.of(), Map.of());
        assertThat(FraudEvaluation.evaluate(rules, plain(50_001)))
                .isEqualTo(new FraudDecision.Refuse(ResponseCode.AMOUNT_TOO_HIGH, FraudRule.AMOUNT_CEILING));
        assertThat(((FraudDecision.Refuse) FraudEvaluation.evaluate(rules, plain(50_001))).responseCode().code())
                .isEqualTo("51");
        assertThat(FraudEvaluation.evaluate(rules, plain(50_000))).isEqualTo(new FraudDecision.Pass(false));
    }

    @Test
    void aCeilingOfAnotherCurrencyDoesNotApply() {
        FraudRules rules = rules(Map.of(USD, 100L), null, Set.of(), Set.of(), Map.of());
        assertThat(FraudEvaluation.evaluate(rules, plain(1_000_000))).isEqualTo(new FraudDecision.Pass(false));
    }

    @Test
    void velocityRefusesTheAttemptAfterMaxAttemptsWith75() {
        FraudRules rules = rules(Map.of(), new Velocity(3, Duration.ofHours(1)), Set.of(), Set.of(), Map.of());
        assertThat(FraudEvaluation.evaluate(rules, facts(100, "41000000", "FR", 2, true)))
                .isEqualTo(new FraudDecision.Pass(false));
        FraudDecision fourth = FraudEvaluation.evaluate(rules, facts(100, "41000000", "FR", 3, true));
        assertThat(fourth).isEqualTo(new FraudDecision.Refuse(ResponseCode.TOO_MANY_ATTEMPTS, FraudRule.CARD_VELOCITY));
        assertThat(((FraudDecision.Refuse) fourth).responseCode().code()).isEqualTo("75");
    }

    @Test
    void blockedBinPrefixesOf6To8DigitsRefuseWith63() {
        FraudRules rules = rules(Map.of(), null, Set.of("510000", "41000012"), Set.of(), Map.of());
        assertThat(FraudEvaluation.evaluate(rules, facts(100, "51000099", "FR", 0, true)))
                .isEqualTo(new FraudDecision.Refuse(ResponseCode.SECURITY_RULES_NOT_MET, FraudRule.BLOCKED_BIN));
        assertThat(FraudEvaluation.evaluate(rules, facts(100, "41000012", "FR", 0, true)))
                .isEqualTo(new FraudDecision.Refuse(ResponseCode.SECURITY_RULES_NOT_MET, FraudRule.BLOCKED_BIN));
        assertThat(FraudEvaluation.evaluate(rules, facts(100, "41000013", "FR", 0, true)))
                .isEqualTo(new FraudDecision.Pass(false));
        // a 6-digit BIN cannot prove it is outside an 8-digit block, nor inside: it passes
        assertThat(FraudEvaluation.evaluate(rules, facts(100, "410000", "FR", 0, true)))
                .isEqualTo(new FraudDecision.Pass(false));
    }

    @Test
    void blockedCountryRefusesWith63AndAnUnknownCountryIsNeverBlocked() {
        FraudRules rules = rules(Map.of(), null, Set.of(), Set.of("DE", "US"), Map.of());
        assertThat(FraudEvaluation.evaluate(rules, facts(100, "41000000", "DE", 0, true)))
                .isEqualTo(new FraudDecision.Refuse(ResponseCode.SECURITY_RULES_NOT_MET, FraudRule.BLOCKED_COUNTRY));
        assertThat(FraudEvaluation.evaluate(rules, facts(100, "41000000", "FR", 0, true)))
                .isEqualTo(new FraudDecision.Pass(false));
        assertThat(FraudEvaluation.evaluate(rules, facts(100, "41000000", null, 0, true)))
                .isEqualTo(new FraudDecision.Pass(false));
    }

    @Test
    void forced3DSecureAboveAnAmountMakesItMandatoryOrRefuses63WhenTheChannelCannotRunIt() {
        FraudRules rules = rules(Map.of(), null, Set.of(), Set.of(), Map.of(EUR, 3_000L));
        assertThat(FraudEvaluation.evaluate(rules, facts(3_000, "41000000", "FR", 0, true)))
                .isEqualTo(new FraudDecision.Pass(false));
        assertThat(FraudEvaluation.evaluate(rules, facts(3_001, "41000000", "FR", 0, true)))
                .isEqualTo(new FraudDecision.Pass(true));
        assertThat(FraudEvaluation.evaluate(rules, facts(3_001, "41000000", "FR", 0, false)))
                .isEqualTo(new FraudDecision.Refuse(ResponseCode.SECURITY_RULES_NOT_MET,
                        FraudRule.FORCED_THREE_D_SECURE));
        assertThat(FraudEvaluation.evaluate(rules, facts(3_000, "41000000", "FR", 0, false)))
                .isEqualTo(new FraudDecision.Pass(false));
    }

    @Test
    void whenEveryRuleFiresTheyDecideInTheDocumentedOrder() {
        FraudRules all = rules(Map.of(EUR, 10L), new Velocity(1, Duration.ofMinutes(10)), Set.of("410000"),
                Set.of("DE"), Map.of(EUR, 5L));
        PaymentRiskFacts everything = facts(100, "41000000", "DE", 5, false);
        assertThat(((FraudDecision.Refuse) FraudEvaluation.evaluate(all, everything)).rule())
                .isEqualTo(FraudRule.BLOCKED_BIN);
        FraudRules noBin = rules(Map.of(EUR, 10L), new Velocity(1, Duration.ofMinutes(10)), Set.of(),
                Set.of("DE"), Map.of(EUR, 5L));
        assertThat(((FraudDecision.Refuse) FraudEvaluation.evaluate(noBin, everything)).rule())
                .isEqualTo(FraudRule.BLOCKED_COUNTRY);
        FraudRules noCountry = rules(Map.of(EUR, 10L), new Velocity(1, Duration.ofMinutes(10)), Set.of(),
                Set.of(), Map.of(EUR, 5L));
        assertThat(((FraudDecision.Refuse) FraudEvaluation.evaluate(noCountry, everything)).rule())
                .isEqualTo(FraudRule.CARD_VELOCITY);
        FraudRules noVelocity = rules(Map.of(EUR, 10L), null, Set.of(), Set.of(), Map.of(EUR, 5L));
        assertThat(((FraudDecision.Refuse) FraudEvaluation.evaluate(noVelocity, everything)).rule())
                .isEqualTo(FraudRule.AMOUNT_CEILING);
        FraudRules forceOnly = rules(Map.of(), null, Set.of(), Set.of(), Map.of(EUR, 5L));
        assertThat(((FraudDecision.Refuse) FraudEvaluation.evaluate(forceOnly, everything)).rule())
                .isEqualTo(FraudRule.FORCED_THREE_D_SECURE);
    }

    @Test
    void rulesRefuseMalformedValues() {
        assertThatThrownBy(() -> rules(Map.of(), null, Set.of("41000"), Set.of(), Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> rules(Map.of(), null, Set.of("410000001"), Set.of(), Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> rules(Map.of(), null, Set.of(), Set.of("fr"), Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> rules(Map.of(), null, Set.of(), Set.of("XX"), Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> rules(Map.of(EUR, -1L), null, Set.of(), Set.of(), Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Velocity(0, Duration.ofHours(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Velocity(3, Duration.ofSeconds(30))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Velocity(3, Duration.ofDays(31))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void factsHoldOnlyTheLeadingDigitsOfTheCard() {
        assertThat(PaymentRiskFacts.binOf("4100000000000005")).isEqualTo("41000000");
        assertThatThrownBy(() -> facts(100, "4100000000000005", "FR", 0, true))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> facts(100, "41000000", "FR", -1, true)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void merchantRulesLetAMerchantDuplicateItsOwnAndItsListedShopsOnly() {
        MerchantRules rules = new MerchantRules(FraudRules.none(), Set.of("002001000000002"));
        assertThat(rules.mayDuplicateFrom("002001000000001", "002001000000001")).isTrue();
        assertThat(rules.mayDuplicateFrom("002001000000001", "002001000000002")).isTrue();
        assertThat(rules.mayDuplicateFrom("002001000000001", "002001000000003")).isFalse();
        assertThat(MerchantRules.defaults().mayDuplicateFrom("002001000000001", "002001000000002")).isFalse();
        assertThatThrownBy(() -> new MerchantRules(FraudRules.none(), Set.of("123")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
