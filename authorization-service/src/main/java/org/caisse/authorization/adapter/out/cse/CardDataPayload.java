package org.caisse.authorization.adapter.out.cse;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;
import org.caisse.authorization.application.port.out.CardDecryptionException;
import org.caisse.authorization.application.port.out.CardDecryptionException.Reason;
import org.caisse.authorization.application.port.out.DecryptedCard;

/**
 * The plaintext of {@code encryptedCardData}: a UTF-8 JSON object
 * {@code {"number":"4100000000000005","expiryDate":"202812","cscValue":"123","generationTime":"2026-11-23T12:00:00Z"}}.
 * Every value is a JSON string; {@code number} 12–19 digits (no spaces), {@code expiryDate} {@code yyyyMM},
 * {@code cscValue} 3–4 digits or absent, {@code generationTime} ISO-8601 with an offset. Other members are ignored.
 * Error messages name the field, never its value.
 */
record CardDataPayload(DecryptedCard card, Instant generationTime) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern NUMBER = Pattern.compile("\\d{12,19}");
    private static final Pattern EXPIRY = Pattern.compile("\\d{4}(0[1-9]|1[0-2])");
    private static final Pattern CSC = Pattern.compile("\\d{3,4}");

    static CardDataPayload parse(byte[] plaintext) {
        JsonNode root;
        try {
            root = JSON.readTree(plaintext);
        } catch (JsonProcessingException e) {
            throw invalid("the decrypted content is not JSON");
        } catch (IOException e) {
            throw invalid("the decrypted content cannot be read");
        }
        if (root == null || !root.isObject()) {
            throw invalid("the decrypted content is not a JSON object");
        }
        String number = required(root, "number");
        if (!NUMBER.matcher(number).matches()) {
            throw invalid("number must be 12 to 19 digits");
        }
        String expiry = required(root, "expiryDate");
        if (!EXPIRY.matcher(expiry).matches()) {
            throw invalid("expiryDate must be yyyyMM");
        }
        String csc = optional(root, "cscValue");
        if (csc != null && !CSC.matcher(csc).matches()) {
            throw invalid("cscValue must be 3 or 4 digits");
        }
        Instant generationTime;
        try {
            generationTime = OffsetDateTime.parse(required(root, "generationTime")).toInstant();
        } catch (DateTimeParseException e) {
            throw invalid("generationTime must be an ISO-8601 date-time with an offset");
        }
        YearMonth expiryMonth = YearMonth.of(Integer.parseInt(expiry.substring(0, 4)),
                Integer.parseInt(expiry.substring(4)));
        return new CardDataPayload(new DecryptedCard(number, expiryMonth, csc), generationTime);
    }

    private static String required(JsonNode root, String field) {
        String value = optional(root, field);
        if (value == null) {
            throw invalid(field + " is missing");
        }
        return value;
    }

    /** The string value of {@code field}; null when absent, null or empty. */
    private static String optional(JsonNode root, String field) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw invalid(field + " must be a JSON string");
        }
        String text = node.textValue();
        return text.isEmpty() ? null : text;
    }

    private static CardDecryptionException invalid(String message) {
        return new CardDecryptionException(Reason.INVALID_CONTENT, message);
    }

    @Override
    public String toString() {
        return "CardDataPayload[" + card + ", generationTime=" + generationTime + "]";
    }
}
