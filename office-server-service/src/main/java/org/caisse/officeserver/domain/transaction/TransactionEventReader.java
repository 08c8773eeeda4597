package org.caisse.officeserver.domain.transaction;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.caisse.common.event.EventEnvelope;
import org.caisse.common.money.Currencies;
import org.caisse.common.money.CurrencyUnit;
import org.caisse.common.money.Money;

/**
 * Reads a {@code org.caisse.transaction.*.v1} event (data = the transaction snapshot of the platform contracts)
 * into a {@link TransactionState}; anything else, or a snapshot missing what the read model needs, is empty. The
 * reasons never carry the event's content.
 */
public final class TransactionEventReader {

    public static final String TYPE_PREFIX = "org.caisse.transaction.";
    private static final Pattern MERCHANT_ID = Pattern.compile("[0-9]{15}");
    private static final Pattern REFERENCE = Pattern.compile("[A-Za-z0-9]{1,35}");
    /** BIN + last 4 at most in clear, the rest masked: a snapshot with a longer clear run is refused, never stored. */
    private static final Pattern MASKED_PAN = Pattern.compile("[0-9]{0,6}[#*Xx]{2,13}[0-9]{0,4}");

    private TransactionEventReader() {
    }

    public static Optional<TransactionState> read(EventEnvelope event) {
        return read(event, new StringBuilder());
    }

    /** As {@link #read(EventEnvelope)}; when empty, {@code reason} names what was missing (never a value). */
    public static Optional<TransactionState> read(EventEnvelope event, StringBuilder reason) {
        if (!event.type().startsWith(TYPE_PREFIX) || event.time() == null) {
            reason.append("type or time");
            return Optional.empty();
        }
        Map<String, Object> data = event.data();
        String merchantId = text(data, "merchantId");
        String reference = text(data, "transactionReference");
        if (merchantId == null || !MERCHANT_ID.matcher(merchantId).matches()
                || reference == null || !REFERENCE.matcher(reference).matches()) {
            reason.append("merchantId or transactionReference");
            return Optional.empty();
        }
        Optional<CurrencyUnit> currency = Optional.ofNullable(text(data, "currencyCode")).flatMap(Currencies::byNumeric);
        Long amount = number(data, "amount");
        Long current = number(data, "currentAmount");
        OffsetDateTime dateTime = dateTime(text(data, "transactionDateTime"));
        if (currency.isEmpty() || amount == null || dateTime == null) {
            reason.append(currency.isEmpty() ? "currencyCode" : amount == null ? "amount" : "transactionDateTime");
            return Optional.empty();
        }
        String maskedPan = text(data, "maskedPan");
        if (maskedPan != null && !MASKED_PAN.matcher(maskedPan).matches()) {
            maskedPan = null;
        }
        String lastName = null;
        OffsetDateTime lastDateTime = null;
        if (data.get("lastOperation") instanceof Map<?, ?> last) {
            lastName = last.get("name") instanceof String name ? name : null;
            lastDateTime = last.get("dateTime") instanceof String time ? dateTime(time) : null;
        }
        return Optional.of(new TransactionState(merchantId, reference, text(data, "status"), text(data, "responseCode"),
                Money.of(amount, currency.get()), Money.of(current == null ? amount : current, currency.get()),
                text(data, "paymentMeanBrand"), maskedPan, dateTime, lastName, lastDateTime, event.id(), event.type(),
                event.time().truncatedTo(ChronoUnit.MICROS)));
    }

    private static String text(Map<String, Object> data, String field) {
        return data.get(field) instanceof String value && !value.isEmpty() ? value : null;
    }

    private static Long number(Map<String, Object> data, String field) {
        Object value = data.get(field);
        if (value instanceof Integer || value instanceof Long) {
            return ((Number) value).longValue();
        }
        return null;
    }

    private static OffsetDateTime dateTime(String text) {
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text);
        } catch (DateTimeParseException unreadable) {
            return null;
        }
    }
}
