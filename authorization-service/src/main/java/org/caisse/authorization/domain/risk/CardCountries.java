package org.caisse.authorization.domain.risk;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The country of issue of a card, from a table of card-number prefixes: the longest prefix that the number starts
 * with wins, so a 10-digit entry refines a 6-digit one. A number no prefix matches has an unknown country.
 */
public final class CardCountries {

    public static final int MIN_PREFIX = 4;
    public static final int MAX_PREFIX = 12;
    private static final Pattern PREFIX = Pattern.compile("\\d{" + MIN_PREFIX + "," + MAX_PREFIX + "}");

    private final Map<String, String> countryByPrefix;
    private final int longest;

    /**
     * @param countryByPrefix card-number prefix ({@value #MIN_PREFIX} to {@value #MAX_PREFIX} digits) → ISO 3166
     *                        alpha-2 country in capitals
     */
    public CardCountries(Map<String, String> countryByPrefix) {
        Objects.requireNonNull(countryByPrefix, "countryByPrefix");
        countryByPrefix.forEach((prefix, country) -> {
            if (prefix == null || !PREFIX.matcher(prefix).matches()) {
                throw new IllegalArgumentException("a card country prefix has " + MIN_PREFIX + " to " + MAX_PREFIX
                        + " digits");
            }
            if (!FraudRules.isValidCountry(country)) {
                throw new IllegalArgumentException("prefix " + prefix + ": not an ISO 3166 alpha-2 country");
            }
        });
        this.countryByPrefix = Map.copyOf(countryByPrefix);
        this.longest = this.countryByPrefix.keySet().stream().mapToInt(String::length).max().orElse(0);
    }

    /**
     * Reads {@code prefix:COUNTRY} entries ({@code 410000:FR}).
     *
     * @throws IllegalArgumentException on a malformed entry or a prefix given twice
     */
    public static CardCountries parse(Collection<String> entries) {
        Map<String, String> table = new HashMap<>();
        for (String raw : entries) {
            String entry = raw.strip();
            if (entry.isEmpty()) {
                continue;
            }
            int colon = entry.indexOf(':');
            if (colon < 0) {
                throw new IllegalArgumentException("card country entry without ':' (expected prefix:COUNTRY): "
                        + entry);
            }
            String prefix = entry.substring(0, colon).strip();
            if (table.put(prefix, entry.substring(colon + 1).strip()) != null) {
                throw new IllegalArgumentException("card country prefix given twice: " + prefix);
            }
        }
        return new CardCountries(table);
    }

    /** @param cardNumber the card number, or at least its leading digits */
    public Optional<String> countryOf(String cardNumber) {
        if (cardNumber == null) {
            return Optional.empty();
        }
        for (int length = Math.min(longest, cardNumber.length()); length >= MIN_PREFIX; length--) {
            String country = countryByPrefix.get(cardNumber.substring(0, length));
            if (country != null) {
                return Optional.of(country);
            }
        }
        return Optional.empty();
    }

    public int size() {
        return countryByPrefix.size();
    }

    @Override
    public String toString() {
        return "CardCountries[" + countryByPrefix.size() + " prefixes]";
    }
}
