package org.caisse.authorization.domain.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.caisse.common.money.Currencies;
import org.caisse.common.money.CurrencyUnit;
import org.caisse.common.money.Money;
import org.caisse.common.sips.ResponseCode;

/** Properties of the fraud evaluation over random rule sets and payments. */
class FraudEvaluationPropertiesTest {

    static final CurrencyUnit EUR = Currencies.byAlpha("EUR").orElseThrow();
    static final CurrencyUnit USD = Currencies.byAlpha("USD").orElseThrow();
    static final Set<ResponseCode> FRAUD_CODES = EnumSet.of(ResponseCode.AMOUNT_TOO_HIGH,
            ResponseCode.SECURITY_RULES_NOT_MET, ResponseCode.TOO_MANY_ATTEMPTS);

    @Provide
    Arbitrary<FraudRules> rules() {
        Arbitrary<Map<CurrencyUnit, Long>> amounts = Arbitraries.maps(
                Arbitraries.of(EUR, USD), Arbitraries.longs().between(0, 100_000)).ofMaxSize(2);
        Arbitrary<Optional<Velocity>> velocity = Combinators.combine(
                        Arbitraries.integers().between(1, 10), Arbitraries.integers().between(1, 600))
                .as((max, minutes) -> new Velocity(max, Duration.ofMinutes(minutes))).optional();
        // few values, so that blocked prefixes and card BINs often meet
        Arbitrary<Set<String>> bins = Arbitraries.of("410000", "41000012", "510000", "5100000", "530000")
                .set().ofMaxSize(3);
        Arbitrary<Set<String>> countries = Arbitraries.of("FR", "DE", "US", "GB", "RU").set().ofMaxSize(3);
        return Combinators.combine(amounts, velocity, bins, countries, amounts).as(FraudRules::new);
    }

    @Provide
    Arbitrary<PaymentRiskFacts> facts() {
        Arbitrary<Money> amount = Combinators.combine(Arbitraries.longs().between(1, 200_000), Arbitraries.of(EUR, USD))
                .as(Money::of);
        Arbitrary<String> bin = Arbitraries.of("41000000", "41000012", "41000099", "51000000", "51000009", "410000",
                "45000000");
        Arbitrary<Optional<String>> country = Arbitraries.of("FR", "DE", "US", "GB", "RU", "IT").optional();
        return Combinators.combine(amount, bin, country, Arbitraries.integers().between(0, 20),
                Arbitraries.of(true, false)).as(PaymentRiskFacts::new);
    }

    @Property
    void noRuleAlwaysPassesWithout3DSecureMandatory(@ForAll("facts") PaymentRiskFacts facts) {
        assertThat(FraudEvaluation.evaluate(FraudRules.none(), facts)).isEqualTo(new FraudDecision.Pass(false));
    }

    @Property
    void aRefusalAnswersTheCodeOfItsRuleAndOnlyFraudCodes(@ForAll("rules") FraudRules rules,
                                                         @ForAll("facts") PaymentRiskFacts facts) {
        if (FraudEvaluation.evaluate(rules, facts) instanceof FraudDecision.Refuse refuse) {
            assertThat(refuse.responseCode()).isEqualTo(refuse.rule().responseCode()).isIn(FRAUD_CODES);
        }
    }

    @Property
    void theEvaluationIsDeterministic(@ForAll("rules") FraudRules rules, @ForAll("facts") PaymentRiskFacts facts) {
        assertThat(FraudEvaluation.evaluate(rules, facts)).isEqualTo(FraudEvaluation.evaluate(rules, facts));
    }

    /** The first rule, in FraudRule order, that fires alone is the one that decides when they are all set. */
    @Property
    void theFirstRuleThatFiresAloneDecides(@ForAll("rules") FraudRules rules, @ForAll("facts") PaymentRiskFacts facts) {
        FraudDecision decision = FraudEvaluation.evaluate(rules, facts);
        Optional<FraudRule> firstAlone = Optional.empty();
        for (FraudRule rule : FraudRule.values()) {
            if (FraudEvaluation.evaluate(only(rules, rule), facts) instanceof FraudDecision.Refuse) {
                firstAlone = Optional.of(rule);
                break;
            }
        }
        if (firstAlone.isPresent()) {
            assertThat(decision).isEqualTo(new FraudDecision.Refuse(firstAlone.get().responseCode(), firstAlone.get()));
        } else {
            assertThat(decision).isInstanceOf(FraudDecision.Pass.class);
        }
    }

    /** Turning a rule off never turns a pass into a refusal. */
    @Property
    void removingARuleNeverRefusesMore(@ForAll("rules") FraudRules rules, @ForAll("facts") PaymentRiskFacts facts) {
        if (FraudEvaluation.evaluate(rules, facts) instanceof FraudDecision.Pass) {
            for (FraudRule rule : FraudRule.values()) {
                assertThat(FraudEvaluation.evaluate(without(rules, rule), facts))
                        .isInstanceOf(FraudDecision.Pass.class);
            }
        }
    }

    @Property
    void anAmountAtOrBelowTheCeilingIsNeverRefusedForIt(@ForAll("facts") PaymentRiskFacts facts) {
        FraudRules ceilingAtAmount = new FraudRules(Map.of(facts.amount().currency(), facts.amount().minorUnits()),
                Optional.empty(), Set.of(), Set.of(), Map.of());
        FraudRules ceilingBelow = new FraudRules(Map.of(facts.amount().currency(), facts.amount().minorUnits() - 1),
                Optional.empty(), Set.of(), Set.of(), Map.of());
        assertThat(FraudEvaluation.evaluate(ceilingAtAmount, facts)).isEqualTo(new FraudDecision.Pass(false));
        assertThat(FraudEvaluation.evaluate(ceilingBelow, facts))
                .isEqualTo(new FraudDecision.Refuse(ResponseCode.AMOUNT_TOO_HIGH, FraudRule.AMOUNT_CEILING));
    }

    @Property
    void mandatory3DSecureIsOnlyEverAskedOnAChannelThatCanRunIt(@ForAll("rules") FraudRules rules,
                                                               @ForAll("facts") PaymentRiskFacts facts) {
        if (FraudEvaluation.evaluate(rules, facts) instanceof FraudDecision.Pass pass && pass.threeDSecureMandatory()) {
            assertThat(facts.threeDSecureCapable()).isTrue();
        }
    }

    static FraudRules only(FraudRules r, FraudRule rule) {
        return new FraudRules(
                rule == FraudRule.AMOUNT_CEILING ? r.amountCeilings() : Map.of(),
                rule == FraudRule.CARD_VELOCITY ? r.cardVelocity() : Optional.empty(),
                rule == FraudRule.BLOCKED_BIN ? r.blockedBinPrefixes() : Set.of(),
                rule == FraudRule.BLOCKED_COUNTRY ? r.blockedCardCountries() : Set.of(),
                rule == FraudRule.FORCED_THREE_D_SECURE ? r.forceThreeDSecureAbove() : Map.of());
    }

    static FraudRules without(FraudRules r, FraudRule rule) {
        return new FraudRules(
                rule == FraudRule.AMOUNT_CEILING ? Map.of() : r.amountCeilings(),
                rule == FraudRule.CARD_VELOCITY ? Optional.empty() : r.cardVelocity(),
                rule == FraudRule.BLOCKED_BIN ? Set.of() : r.blockedBinPrefixes(),
                rule == FraudRule.BLOCKED_COUNTRY ? Set.of() : r.blockedCardCountries(),
                rule == FraudRule.FORCED_THREE_D_SECURE ? Map.of() : r.forceThreeDSecureAbove());
    }
}
