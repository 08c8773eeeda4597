package org.caisse.authorization.application;

import java.math.BigInteger;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.caisse.authorization.domain.risk.FraudRules;
import org.caisse.authorization.domain.risk.MerchantRules;
import org.caisse.authorization.domain.risk.Velocity;
import org.caisse.common.money.Currencies;
import org.caisse.common.money.CurrencyUnit;

/**
 * The JSON document of a merchant's rules, as a tree of maps, lists, strings and numbers (what a JSON parser gives),
 * both on the internal API and in storage. Reading is strict: an unknown field, a wrong type, a fractional number or
 * an out-of-range value is refused with the path of the field (never its value). An absent or null field turns the
 * rule off.
 *
 * <pre>
 * {"amountCeilings": {"978": 500000}, "cardVelocity": {"maxAttempts": 3, "window": "PT1H"},
 *  "blockedBinPrefixes": ["41000099"], "blockedCardCountries": ["RU"], "forceThreeDSecureAbove": {"978": 3000},
 *  "duplicateFromMerchants": ["002001000000002"]}
 * </pre>
 */
public final class MerchantRulesDocument {

    public static final String AMOUNT_CEILINGS = "amountCeilings";
    public static final String CARD_VELOCITY = "cardVelocity";
    public static final String BLOCKED_BIN_PREFIXES = "blockedBinPrefixes";
    public static final String BLOCKED_CARD_COUNTRIES = "blockedCardCountries";
    public static final String FORCE_THREE_D_SECURE_ABOVE = "forceThreeDSecureAbove";
    public static final String DUPLICATE_FROM_MERCHANTS = "duplicateFromMerchants";
    static final String MAX_ATTEMPTS = "maxAttempts";
    static final String WINDOW = "window";

    static final Set<String> FIELDS = Set.of(AMOUNT_CEILINGS, CARD_VELOCITY, BLOCKED_BIN_PREFIXES,
            BLOCKED_CARD_COUNTRIES, FORCE_THREE_D_SECURE_ABOVE, DUPLICATE_FROM_MERCHANTS);
    static final Set<String> VELOCITY_FIELDS = Set.of(MAX_ATTEMPTS, WINDOW);
    /** Entries of one list at most: a rule set is read on every authorization. */
    public static final int MAX_ENTRIES = 1000;
    /** A field name short and plain enough to be named back in an error. */
    private static final Pattern NAMEABLE = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,63}");
    private static final Pattern CURRENCY_CODE = Pattern.compile("\\d{3}");

    private MerchantRulesDocument() {
    }

    /**
     * @param document   the parsed JSON object
     * @param merchantId the merchant the rules belong to (it may not list itself in {@code duplicateFromMerchants})
     * @throws InvalidRulesDocumentException naming the first invalid field
     */
    public static MerchantRules read(Object document, String merchantId) {
        Map<String, Object> fields = object(document, "body");
        rejectUnknown(fields, FIELDS, "");
        FraudRules fraud = new FraudRules(
                amounts(fields.get(AMOUNT_CEILINGS), AMOUNT_CEILINGS),
                velocity(fields.get(CARD_VELOCITY)),
                strings(fields.get(BLOCKED_BIN_PREFIXES), BLOCKED_BIN_PREFIXES, FraudRules::isValidBinPrefix,
                        "6 to 8 digits"),
                strings(fields.get(BLOCKED_CARD_COUNTRIES), BLOCKED_CARD_COUNTRIES, FraudRules::isValidCountry,
                        "an ISO 3166 alpha-2 country code in capitals"),
                amounts(fields.get(FORCE_THREE_D_SECURE_ABOVE), FORCE_THREE_D_SECURE_ABOVE));
        Set<String> duplicateFrom = strings(fields.get(DUPLICATE_FROM_MERCHANTS), DUPLICATE_FROM_MERCHANTS,
                id -> MerchantRules.isValidMerchantId(id) && !id.equals(merchantId),
                "another merchant's id (15 digits)");
        return new MerchantRules(fraud, duplicateFrom);
    }

    /** The document of {@code rules}, every field present, entries sorted. */
    public static Map<String, Object> write(MerchantRules rules) {
        FraudRules fraud = rules.fraud();
        Map<String, Object> document = new LinkedHashMap<>();
        document.put(AMOUNT_CEILINGS, amountsDocument(fraud.amountCeilings()));
        document.put(CARD_VELOCITY, fraud.cardVelocity().map(v -> {
            Map<String, Object> velocity = new LinkedHashMap<>();
            velocity.put(MAX_ATTEMPTS, v.maxAttempts());
            velocity.put(WINDOW, v.window().toString());
            return velocity;
        }).orElse(null));
        document.put(BLOCKED_BIN_PREFIXES, new ArrayList<>(new TreeSet<>(fraud.blockedBinPrefixes())));
        document.put(BLOCKED_CARD_COUNTRIES, new ArrayList<>(new TreeSet<>(fraud.blockedCardCountries())));
        document.put(FORCE_THREE_D_SECURE_ABOVE, amountsDocument(fraud.forceThreeDSecureAbove()));
        document.put(DUPLICATE_FROM_MERCHANTS, new ArrayList<>(new TreeSet<>(rules.duplicateFromMerchants())));
        return document;
    }

    private static Map<String, Object> amountsDocument(Map<CurrencyUnit, Long> amounts) {
        Map<String, Object> document = new TreeMap<>();
        amounts.forEach((currency, amount) -> document.put(currency.numeric(), amount));
        return document;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Object value, String field) {
        if (!(value instanceof Map<?, ?> map)) {
            throw new InvalidRulesDocumentException(field, "a JSON object is required");
        }
        return (Map<String, Object>) map;
    }

    private static void rejectUnknown(Map<String, Object> fields, Set<String> known, String path) {
        for (String name : fields.keySet()) {
            if (!known.contains(name)) {
                String field = name != null && NAMEABLE.matcher(name).matches() ? path + name
                        : path.isEmpty() ? "body" : path.substring(0, path.length() - 1);
                throw new InvalidRulesDocumentException(field, "unknown field");
            }
        }
    }

    private static Map<CurrencyUnit, Long> amounts(Object value, String field) {
        if (value == null) {
            return Map.of();
        }
        Map<CurrencyUnit, Long> amounts = new HashMap<>();
        for (Map.Entry<String, Object> entry : object(value, field).entrySet()) {
            Optional<CurrencyUnit> currency = entry.getKey() != null && CURRENCY_CODE.matcher(entry.getKey()).matches()
                    ? Currencies.byNumeric(entry.getKey()) : Optional.empty();
            if (currency.isEmpty()) {
                throw new InvalidRulesDocumentException(field, "keys are ISO 4217 numeric currency codes");
            }
            String entryField = field + "." + entry.getKey();
            long amount = wholeNumber(entry.getValue(), entryField);
            if (!FraudRules.isValidAmount(amount)) {
                throw new InvalidRulesDocumentException(entryField,
                        "an amount in minor units within 0.." + FraudRules.MAX_AMOUNT);
            }
            amounts.put(currency.get(), amount);
        }
        return amounts;
    }

    private static Optional<Velocity> velocity(Object value) {
        if (value == null) {
            return Optional.empty();
        }
        Map<String, Object> fields = object(value, CARD_VELOCITY);
        rejectUnknown(fields, VELOCITY_FIELDS, CARD_VELOCITY + ".");
        String attemptsField = CARD_VELOCITY + "." + MAX_ATTEMPTS;
        if (fields.get(MAX_ATTEMPTS) == null) {
            throw new InvalidRulesDocumentException(attemptsField, "required");
        }
        long maxAttempts = wholeNumber(fields.get(MAX_ATTEMPTS), attemptsField);
        if (maxAttempts < 1 || maxAttempts > Velocity.MAX_ATTEMPTS_LIMIT) {
            throw new InvalidRulesDocumentException(attemptsField, "within 1.." + Velocity.MAX_ATTEMPTS_LIMIT);
        }
        String windowField = CARD_VELOCITY + "." + WINDOW;
        if (!(fields.get(WINDOW) instanceof String text)) {
            throw new InvalidRulesDocumentException(windowField, "an ISO 8601 duration (PT10M, PT24H) is required");
        }
        Duration window;
        try {
            window = Duration.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidRulesDocumentException(windowField, "an ISO 8601 duration (PT10M, PT24H) is required");
        }
        if (!Velocity.isValidWindow(window)) {
            throw new InvalidRulesDocumentException(windowField, "within " + Velocity.MIN_WINDOW + ".."
                    + Velocity.MAX_WINDOW);
        }
        return Optional.of(new Velocity((int) maxAttempts, window));
    }

    private static Set<String> strings(Object value, String field, Predicate<String> valid, String expected) {
        if (value == null) {
            return Set.of();
        }
        if (!(value instanceof List<?> list)) {
            throw new InvalidRulesDocumentException(field, "a JSON array is required");
        }
        if (list.size() > MAX_ENTRIES) {
            throw new InvalidRulesDocumentException(field, "at most " + MAX_ENTRIES + " entries");
        }
        Set<String> values = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof String text) || !valid.test(text)) {
                throw new InvalidRulesDocumentException(field + "[" + i + "]", expected + " is required");
            }
            values.add(text);
        }
        return values;
    }

    private static long wholeNumber(Object value, String field) {
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof BigInteger big && big.bitLength() < Long.SIZE) {
            return big.longValue();
        }
        throw new InvalidRulesDocumentException(field, "a whole number is required");
    }
}
