package org.caisse.officeserver.domain.office;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Typed, strict reads of the fields of a parsed Office request body. Every failure is a
 * {@link FieldFormatException} naming the field (Sips code 30).
 */
public final class RequestFields {

    private static final Pattern MERCHANT_ID = Pattern.compile("[0-9]{15}");
    private static final Pattern TRANSACTION_REFERENCE = Pattern.compile("[A-Za-z0-9]{1,35}");
    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,18}");
    private static final Pattern CURRENCY = Pattern.compile("[0-9]{3}");
    /** Largest amount accepted, in minor units (12 digits, as Sips amount fields). */
    public static final long MAX_AMOUNT = 999_999_999_999L;

    private final Map<String, Object> body;

    public RequestFields(Map<String, Object> body) {
        this.body = Map.copyOf(withoutNulls(body));
    }

    private static Map<String, Object> withoutNulls(Map<String, Object> body) {
        var copy = new java.util.LinkedHashMap<String, Object>();
        body.forEach((k, v) -> {
            if (v != null) {
                copy.put(k, v);
            }
        });
        return copy;
    }

    public Optional<Object> raw(String name) {
        return Optional.ofNullable(body.get(name));
    }

    public String merchantId() {
        return matching("merchantId", MERCHANT_ID);
    }

    /**
     * {@code transactionReference}; without it, the one named by {@code s10TransactionReference} (see
     * {@link S10TransactionReferences}); neither → 30 on {@code transactionReference}.
     */
    public String transactionReference() {
        if (!body.containsKey("transactionReference")) {
            var s10 = S10TransactionReferences.of(body, S10TransactionReferences.today());
            if (s10.isPresent()) {
                return s10.get();
            }
        }
        return matching("transactionReference", TRANSACTION_REFERENCE);
    }

    /** A required non-blank string of at most {@code maxLength} characters. */
    public String requiredString(String name, int maxLength) {
        if (!(body.get(name) instanceof String text) || text.isBlank() || text.length() > maxLength) {
            throw new FieldFormatException(name);
        }
        return text;
    }

    /** An optional string of at most {@code maxLength} characters; absent or empty → empty. */
    public Optional<String> optionalString(String name, int maxLength) {
        Object value = body.get(name);
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof String text) || text.length() > maxLength) {
            throw new FieldFormatException(name);
        }
        return text.isEmpty() ? Optional.empty() : Optional.of(text);
    }

    /** A required integer given as a JSON integer or a numeric string. */
    public long integer(String name) {
        Object value = body.get(name);
        if (value instanceof Integer || value instanceof Long || value instanceof Short) {
            return ((Number) value).longValue();
        }
        if (value instanceof BigInteger big && big.bitLength() < 63) {
            return big.longValue();
        }
        if (value instanceof BigDecimal decimal) {
            try {
                return decimal.longValueExact();
            } catch (ArithmeticException notAnInteger) {
                throw new FieldFormatException(name);
            }
        }
        if (value instanceof String text && DIGITS.matcher(text).matches()) {
            return Long.parseLong(text);
        }
        throw new FieldFormatException(name);
    }

    /** A required amount in minor units: a positive integer not above {@link #MAX_AMOUNT}. */
    public long positiveAmount(String name) {
        long amount = integer(name);
        if (amount <= 0 || amount > MAX_AMOUNT) {
            throw new FieldFormatException(name);
        }
        return amount;
    }

    /** A key version: a positive integer (versions start at 1) that fits an int. */
    public int keyVersion() {
        long version = integer("keyVersion");
        if (version < 1 || version > Integer.MAX_VALUE) {
            throw new FieldFormatException("keyVersion");
        }
        return (int) version;
    }

    /** An ISO 4217 numeric currency code, as a string or a JSON integer, normalised to 3 digits. */
    public String currencyCode() {
        Object value = body.get("currencyCode");
        String text;
        if (value instanceof String s) {
            text = s;
        } else if (value instanceof Integer || value instanceof Long) {
            text = String.format("%03d", ((Number) value).longValue());
        } else {
            throw new FieldFormatException("currencyCode");
        }
        if (!CURRENCY.matcher(text).matches()) {
            throw new FieldFormatException("currencyCode");
        }
        return text;
    }

    private String matching(String name, Pattern pattern) {
        if (!(body.get(name) instanceof String text) || !pattern.matcher(text).matches()) {
            throw new FieldFormatException(name);
        }
        return text;
    }
}
