package org.caisse.paymentpage.domain;

import java.time.YearMonth;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.caisse.common.card.Luhn;
import org.caisse.common.card.PanMasking;

/**
 * The card the shopper typed: number (digits only), expiry as {@code yyyyMM}, security code. Used once
 * for the authorization call; never stored, never logged ({@link #toString()} masks it).
 */
public final class CardEntry {

    private static final Pattern NUMBER = Pattern.compile("\\d{12,19}");
    private static final Pattern EXPIRY = Pattern.compile("(\\d{2})\\s*/\\s*(\\d{2}|\\d{4})");
    private static final Pattern CSC = Pattern.compile("\\d{3,4}");

    /** Which field the shopper must correct ({@code BRAND}: the number does not belong to the chosen brand). */
    public enum Field { NUMBER, EXPIRY, CSC, BRAND }

    /** The entry is not a card: names the field, never its content. */
    public static final class Invalid extends RuntimeException {
        private final Field field;

        public Invalid(Field field) {
            super("invalid card " + field, null, false, false);
            this.field = field;
        }

        public Field field() {
            return field;
        }
    }

    private final String number;
    private final String expiryDate;
    private final String cscValue;

    private CardEntry(String number, String expiryDate, String cscValue) {
        this.number = number;
        this.expiryDate = expiryDate;
        this.cscValue = cscValue;
    }

    /**
     * Reads the form fields. The expiry is {@code MM/YY} (or {@code MM/YYYY}); a past month is refused.
     * Luhn is checked outside TEST mode only (SIPS.md §8).
     */
    public static CardEntry parse(String rawNumber, String rawExpiry, String rawCsc, YearMonth currentMonth, boolean testMode) {
        String digits = rawNumber == null ? "" : rawNumber.replaceAll("[\\s-]", "");
        if (!NUMBER.matcher(digits).matches() || (!testMode && !Luhn.isValid(digits))) {
            throw new Invalid(Field.NUMBER);
        }
        Matcher m = EXPIRY.matcher(rawExpiry == null ? "" : rawExpiry.strip());
        if (!m.matches()) {
            throw new Invalid(Field.EXPIRY);
        }
        int month = Integer.parseInt(m.group(1));
        int year = Integer.parseInt(m.group(2));
        if (year < 100) {
            year += 2000;
        }
        if (month < 1 || month > 12) {
            throw new Invalid(Field.EXPIRY);
        }
        YearMonth expiry = YearMonth.of(year, month);
        if (expiry.isBefore(currentMonth)) {
            throw new Invalid(Field.EXPIRY);
        }
        String csc = rawCsc == null ? "" : rawCsc.strip();
        if (!CSC.matcher(csc).matches()) {
            throw new Invalid(Field.CSC);
        }
        return new CardEntry(digits, String.format("%04d%02d", year, month), csc);
    }

    public String number() {
        return number;
    }

    /** {@code yyyyMM}. */
    public String expiryDate() {
        return expiryDate;
    }

    public String cscValue() {
        return cscValue;
    }

    @Override
    public String toString() {
        return "CardEntry[" + PanMasking.binAndLast4(number) + "]";
    }
}
