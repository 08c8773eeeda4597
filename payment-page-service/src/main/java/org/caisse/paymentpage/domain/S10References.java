package org.caisse.paymentpage.domain;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.regex.Pattern;
import org.caisse.common.data.SipsData;

/**
 * {@code s10TransactionReference} (SIPS.md §10, Sips 1.0 compatibility): a shop without a
 * {@code transactionReference} may send {@code s10TransactionId} (6 digits) and optionally
 * {@code s10TransactionIdDate} ({@code yyyyMMdd}, default today); the reference is then
 * {@code yyyyMMdd + id}, so the per-merchant uniqueness of references makes the id unique per merchant per day.
 */
public final class S10References {

    public static final String FIELD_ID = "s10TransactionReference.s10TransactionId";
    public static final String FIELD_DATE = "s10TransactionReference.s10TransactionIdDate";
    private static final String REFERENCE = "transactionReference";
    private static final Pattern ID = Pattern.compile("\\d{6}");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuuMMdd").withResolverStyle(ResolverStyle.STRICT);

    /** Sips is a French platform: "today" of an s10 reference is the date in Paris. */
    private static final ZoneId SIPS_ZONE = ZoneId.of("Europe/Paris");

    private S10References() {
    }

    public static LocalDate today(Clock clock) {
        return LocalDate.ofInstant(clock.instant(), SIPS_ZONE);
    }

    /**
     * The data with {@code transactionReference} derived from the s10 reference when it is absent and an
     * s10 id is present; unchanged otherwise (an explicit {@code transactionReference} wins). A malformed
     * s10 id or date → 30 naming it.
     */
    public static SipsData apply(SipsData data, LocalDate today) {
        if (data.get(REFERENCE).filter(v -> !v.isEmpty()).isPresent()) {
            return data;
        }
        var id = data.get(FIELD_ID);
        if (id.isEmpty()) {
            if (data.get(FIELD_DATE).isPresent()) {
                throw PaymentRequestRejected.formatError(FIELD_ID);
            }
            return data;
        }
        if (!ID.matcher(id.get()).matches()) {
            throw PaymentRequestRejected.formatError(FIELD_ID);
        }
        String date = data.get(FIELD_DATE).orElse(DATE.format(today));
        try {
            LocalDate.parse(date, DATE);
        } catch (DateTimeParseException e) {
            throw PaymentRequestRejected.formatError(FIELD_DATE);
        }
        return SipsData.builder().putAll(data).put(REFERENCE, date + id.get()).build();
    }
}
