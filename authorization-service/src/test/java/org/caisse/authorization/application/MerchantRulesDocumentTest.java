package org.caisse.authorization.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.caisse.authorization.domain.risk.FraudRules;
import org.caisse.authorization.domain.risk.MerchantRules;
import org.caisse.authorization.domain.risk.Velocity;
import org.caisse.common.money.Currencies;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MerchantRulesDocumentTest {

    static final String MERCHANT = "002001000000001";
    static final ObjectMapper JSON = new ObjectMapper();

    static final String FULL = """
            {"amountCeilings": {"978": 500000, "840": 400000},
             "cardVelocity": {"maxAttempts": 3, "window": "PT1H"},
             "blockedBinPrefixes": ["41000099", "530000"],
             "blockedCardCountries": ["RU", "DE"],
             "forceThreeDSecureAbove": {"978": 3000},
             "duplicateFromMerchants": ["002001000000002"]}""";

    static Object parse(String json) {
        try {
            return JSON.readValue(json, Object.class);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    static MerchantRules read(String json) {
        return MerchantRulesDocument.read(parse(json), MERCHANT);
    }

    @Test
    void aFullDocumentBecomesTheRules() {
        MerchantRules rules = read(FULL);
        var eur = Currencies.byAlpha("EUR").orElseThrow();
        var usd = Currencies.byAlpha("USD").orElseThrow();
        assertThat(rules).isEqualTo(new MerchantRules(new FraudRules(
                Map.of(eur, 500_000L, usd, 400_000L), Optional.of(new Velocity(3, Duration.ofHours(1))),
                Set.of("41000099", "530000"), Set.of("RU", "DE"), Map.of(eur, 3_000L)), Set.of("002001000000002")));
    }

    @Test
    void writingThenReadingGivesTheSameRules() {
        MerchantRules rules = read(FULL);
        assertThat(MerchantRulesDocument.read(MerchantRulesDocument.write(rules), MERCHANT)).isEqualTo(rules);
        assertThat(MerchantRulesDocument.write(rules).keySet()).containsExactly("amountCeilings", "cardVelocity",
                "blockedBinPrefixes", "blockedCardCountries", "forceThreeDSecureAbove", "duplicateFromMerchants");
        assertThat(MerchantRulesDocument.write(rules).get("blockedCardCountries")).isEqualTo(List.of("DE", "RU"));
    }

    @Test
    void anEmptyDocumentOrNullRulesAreTheDefaults() {
        assertThat(read("{}")).isEqualTo(MerchantRules.defaults());
        assertThat(read("""
                {"amountCeilings": null, "cardVelocity": null, "blockedBinPrefixes": null,
                 "blockedCardCountries": null, "forceThreeDSecureAbove": null, "duplicateFromMerchants": null}"""))
                .isEqualTo(MerchantRules.defaults());
        assertThat(MerchantRulesDocument.write(MerchantRules.defaults())).containsEntry("cardVelocity", null)
                .containsEntry("amountCeilings", Map.of()).containsEntry("blockedBinPrefixes", List.of());
    }

    @ParameterizedTest(name = "{0} → field {1}")
    @CsvSource(delimiter = '|', value = {
            "[]                                                   | body",
            "\"rules\"                                            | body",
            "{\"unknown\": 1}                                     | unknown",
            "{\"amountCeilings\": [1]}                            | amountCeilings",
            "{\"amountCeilings\": {\"EUR\": 100}}                 | amountCeilings",
            "{\"amountCeilings\": {\"999\": 100}}                 | amountCeilings",
            "{\"amountCeilings\": {\"978\": -1}}                  | amountCeilings.978",
            "{\"amountCeilings\": {\"978\": 10.5}}                | amountCeilings.978",
            "{\"amountCeilings\": {\"978\": \"100\"}}             | amountCeilings.978",
            "{\"amountCeilings\": {\"978\": 1000000000000}}       | amountCeilings.978",
            "{\"amountCeilings\": {\"978\": 99999999999999999999}} | amountCeilings.978",
            "{\"cardVelocity\": 3}                                | cardVelocity",
            "{\"cardVelocity\": {\"window\": \"PT1H\"}}           | cardVelocity.maxAttempts",
            "{\"cardVelocity\": {\"maxAttempts\": 0, \"window\": \"PT1H\"}}   | cardVelocity.maxAttempts",
            "{\"cardVelocity\": {\"maxAttempts\": 1001, \"window\": \"PT1H\"}} | cardVelocity.maxAttempts",
            "{\"cardVelocity\": {\"maxAttempts\": 3}}             | cardVelocity.window",
            "{\"cardVelocity\": {\"maxAttempts\": 3, \"window\": \"1h\"}}    | cardVelocity.window",
            "{\"cardVelocity\": {\"maxAttempts\": 3, \"window\": \"PT30S\"}} | cardVelocity.window",
            "{\"cardVelocity\": {\"maxAttempts\": 3, \"window\": \"P31D\"}}  | cardVelocity.window",
            "{\"cardVelocity\": {\"maxAttempts\": 3, \"window\": 60}}        | cardVelocity.window",
            "{\"cardVelocity\": {\"maxAttempts\": 3, \"window\": \"PT1H\", \"x\": 1}} | cardVelocity.x",
            "{\"blockedBinPrefixes\": \"410000\"}                 | blockedBinPrefixes",
            "{\"blockedBinPrefixes\": [\"410000\", \"41000\"]}    | blockedBinPrefixes[1]",
            "{\"blockedBinPrefixes\": [\"410000001\"]}            | blockedBinPrefixes[0]",
            "{\"blockedBinPrefixes\": [410000]}                   | blockedBinPrefixes[0]",
            "{\"blockedCardCountries\": [\"fr\"]}                 | blockedCardCountries[0]",
            "{\"blockedCardCountries\": [\"FRA\"]}                | blockedCardCountries[0]",
            "{\"blockedCardCountries\": [\"XX\"]}                 | blockedCardCountries[0]",
            "{\"forceThreeDSecureAbove\": {\"978\": true}}        | forceThreeDSecureAbove.978",
            "{\"duplicateFromMerchants\": [\"12345\"]}            | duplicateFromMerchants[0]",
            "{\"duplicateFromMerchants\": [\"002001000000001\"]}  | duplicateFromMerchants[0]"})
    void anInvalidDocumentNamesTheField(String json, String field) {
        assertThatThrownBy(() -> read(json)).isInstanceOfSatisfying(InvalidRulesDocumentException.class,
                e -> assertThat(e.field()).isEqualTo(field));
    }

    @Test
    void anErrorNeverRepeatsTheSubmittedValue() {
        assertThatThrownBy(() -> read("{\"blockedBinPrefixes\": [\"4970101122334455\"]}"))
                .isInstanceOfSatisfying(InvalidRulesDocumentException.class,
                        e -> assertThat(e.getMessage()).doesNotContain("4970101122334455"));
        assertThatThrownBy(() -> read("{\"4970101122334455\": 1}"))
                .isInstanceOfSatisfying(InvalidRulesDocumentException.class, e -> {
                    assertThat(e.field()).isEqualTo("body");
                    assertThat(e.getMessage()).doesNotContain("4970101122334455");
                });
        assertThatThrownBy(() -> read("{\"amountCeilings\": {\"4970101122334455\": 1}}"))
                .isInstanceOfSatisfying(InvalidRulesDocumentException.class,
                        e -> assertThat(e.getMessage()).doesNotContain("4970101122334455"));
    }

    @Test
    void aListLongerThanTheLimitIsRefused() {
        List<String> many = new ArrayList<>(Collections.nCopies(MerchantRulesDocument.MAX_ENTRIES + 1, "410000"));
        assertThatThrownBy(() -> MerchantRulesDocument.read(Map.of("blockedBinPrefixes", many), MERCHANT))
                .isInstanceOfSatisfying(InvalidRulesDocumentException.class,
                        e -> assertThat(e.field()).isEqualTo("blockedBinPrefixes"));
    }

    @Test
    void velocityWindowsAreIso8601Durations() {
        assertThat(read("{\"cardVelocity\": {\"maxAttempts\": 5, \"window\": \"P1D\"}}").fraud().cardVelocity())
                .contains(new Velocity(5, Duration.ofDays(1)));
        assertThat(read("{\"cardVelocity\": {\"maxAttempts\": 5, \"window\": \"PT1M\"}}").fraud().cardVelocity())
                .contains(new Velocity(5, Duration.ofMinutes(1)));
    }
}
