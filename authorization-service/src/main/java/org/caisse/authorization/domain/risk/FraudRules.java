package org.caisse.authorization.domain.risk;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.caisse.common.money.CurrencyUnit;
import org.caisse.common.money.Money;

/**
 * A merchant's fraud rules; every rule is optional (an empty map or set, or no velocity, means the rule is off).
 *
 * @param amountCeilings         per currency, the highest amount accepted (minor units); above → 51
 * @param cardVelocity           at most so many attempts of one card within a window; more → 75
 * @param blockedBinPrefixes     6 to 8 leading card digits; a card starting with one → 63
 * @param blockedCardCountries   ISO 3166 alpha-2 countries of issue; a card of one → 63 (an unknown country never
 *                               matches)
 * @param forceThreeDSecureAbove per currency, the amount (minor units) above which 3-D Secure with a liability shift
 *                               is mandatory; a channel that cannot run it → 63
 */
public record FraudRules(Map<CurrencyUnit, Long> amountCeilings, Optional<Velocity> cardVelocity,
                         Set<String> blockedBinPrefixes, Set<String> blockedCardCountries,
                         Map<CurrencyUnit, Long> forceThreeDSecureAbove) {

    private static final Pattern BIN_PREFIX = Pattern.compile("\\d{6,8}");
    private static final Set<String> ISO_COUNTRIES = Set.of(Locale.getISOCountries());
    /** Amounts are Sips amounts: at most 12 digits of minor units. */
    public static final long MAX_AMOUNT = 999_999_999_999L;

    private static final FraudRules NONE = new FraudRules(Map.of(), Optional.empty(), Set.of(), Set.of(), Map.of());

    public FraudRules {
        amountCeilings = Map.copyOf(Objects.requireNonNull(amountCeilings, "amountCeilings"));
        Objects.requireNonNull(cardVelocity, "cardVelocity");
        blockedBinPrefixes = Set.copyOf(Objects.requireNonNull(blockedBinPrefixes, "blockedBinPrefixes"));
        blockedCardCountries = Set.copyOf(Objects.requireNonNull(blockedCardCountries, "blockedCardCountries"));
        forceThreeDSecureAbove = Map.copyOf(Objects.requireNonNull(forceThreeDSecureAbove, "forceThreeDSecureAbove"));
        amountCeilings.values().forEach(FraudRules::requireAmount);
        forceThreeDSecureAbove.values().forEach(FraudRules::requireAmount);
        for (String prefix : blockedBinPrefixes) {
            if (!isValidBinPrefix(prefix)) {
                throw new IllegalArgumentException("a blocked BIN prefix has 6 to 8 digits");
            }
        }
        for (String country : blockedCardCountries) {
            if (!isValidCountry(country)) {
                throw new IllegalArgumentException("a blocked country is an ISO 3166 alpha-2 code in capitals");
            }
        }
    }

    /** No rule at all: every payment passes, 3-D Secure is never forced. */
    public static FraudRules none() {
        return NONE;
    }

    public static boolean isValidBinPrefix(String prefix) {
        return prefix != null && BIN_PREFIX.matcher(prefix).matches();
    }

    /** An ISO 3166-1 alpha-2 code, in capitals ({@code FR}). */
    public static boolean isValidCountry(String country) {
        return country != null && ISO_COUNTRIES.contains(country);
    }

    public static boolean isValidAmount(long amount) {
        return amount >= 0 && amount <= MAX_AMOUNT;
    }

    private static void requireAmount(Long amount) {
        if (amount == null || !isValidAmount(amount)) {
            throw new IllegalArgumentException("a rule amount is within 0.." + MAX_AMOUNT + " minor units");
        }
    }

    boolean binBlocked(String bin) {
        return blockedBinPrefixes.stream().anyMatch(bin::startsWith);
    }

    boolean countryBlocked(Optional<String> country) {
        return country.isPresent() && blockedCardCountries.contains(country.get());
    }

    boolean aboveCeiling(Money amount) {
        Long ceiling = amountCeilings.get(amount.currency());
        return ceiling != null && amount.minorUnits() > ceiling;
    }

    boolean threeDSecureForced(Money amount) {
        Long threshold = forceThreeDSecureAbove.get(amount.currency());
        return threshold != null && amount.minorUnits() > threshold;
    }
}
