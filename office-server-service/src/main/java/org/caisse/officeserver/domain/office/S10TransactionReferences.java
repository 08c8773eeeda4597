package org.caisse.officeserver.domain.office;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code s10TransactionReference} (SIPS.md §10, Sips 1.0 compatibility), the same rule as the payment page's: a
 * request without {@code transactionReference} may name its transaction by {@code s10TransactionId} (6 digits) and
 * {@code s10TransactionIdDate} ({@code yyyyMMdd}, default today in Paris); the transaction reference is then
 * {@code yyyyMMdd + id}.
 */
public final class S10TransactionReferences {

    static final String FIELD = "s10TransactionReference";
    static final String FIELD_ID = FIELD + ".s10TransactionId";
    static final String FIELD_DATE = FIELD + ".s10TransactionIdDate";
    private static final Pattern ID = Pattern.compile("[0-9]{6}");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuuMMdd")
            .withResolverStyle(ResolverStyle.STRICT);
    /** Sips is a French platform: "today" of an s10 reference is the date in Paris. */
    private static final ZoneId SIPS_ZONE = ZoneId.of("Europe/Paris");

    private S10TransactionReferences() {
    }

    /** The reference the s10 object names; empty when the body has none. Malformed → 30 naming the s10 field. */
    static Optional<String> of(Map<String, Object> body, LocalDate today) {
        Object s10 = body.get(FIELD);
        if (s10 == null) {
            return Optional.empty();
        }
        if (!(s10 instanceof Map<?, ?> fields)) {
            throw new FieldFormatException(FIELD);
        }
        String id = text(fields.get("s10TransactionId"));
        if (id == null || !ID.matcher(id).matches()) {
            throw new FieldFormatException(FIELD_ID);
        }
        Object dateField = fields.get("s10TransactionIdDate");
        String date = dateField == null ? DATE.format(today) : text(dateField);
        try {
            LocalDate.parse(date == null ? "" : date, DATE);
        } catch (DateTimeParseException e) {
            throw new FieldFormatException(FIELD_DATE);
        }
        return Optional.of(date + id);
    }

    static LocalDate today() {
        return LocalDate.now(SIPS_ZONE);
    }

    /** A string, or an integer written as digits (JSON numbers are accepted for these digit fields). */
    private static String text(Object value) {
        if (value instanceof String s) {
            return s;
        }
        if (value instanceof Integer || value instanceof Long || value instanceof java.math.BigInteger) {
            return value.toString();
        }
        return null;
    }
}
