package org.caisse.officeserver.domain.office;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.caisse.common.money.Currencies;

/**
 * Strict reads of the fields of the Office order services ({@code checkout/cardOrder}, {@code checkout/walletOrder},
 * {@code cashManagement/duplicate}, {@code cashManagement/creditHolder}) and of the cash operations. Each failure is
 * a {@link FieldFormatException} naming the field (Sips code 30), never quoting its value: a card number or a CSC
 * never reaches a message.
 */
public final class OrderFields {

    private static final Pattern MERCHANT_ID = Pattern.compile("[0-9]{15}");
    private static final Pattern TRANSACTION_REFERENCE = Pattern.compile("[A-Za-z0-9]{1,35}");
    private static final Pattern CARD_NUMBER = Pattern.compile("[0-9]{12,19}");
    private static final Pattern EXPIRY = Pattern.compile("[0-9]{4}(0[1-9]|1[0-2])");
    private static final Pattern CSC = Pattern.compile("[0-9]{3,4}");
    private static final Pattern BRAND = Pattern.compile("[A-Za-z_]{1,30}");
    private static final Pattern COMPACT_JWE = Pattern.compile(
            "[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");
    private static final Pattern WALLET_ID = Pattern.compile("[^\\p{Cntrl}]{1,21}");
    private static final Pattern PAYMENT_MEAN_ID = Pattern.compile("[1-9][0-9]{0,8}");
    private static final Pattern IP_ADDRESS = Pattern.compile("[0-9A-Fa-f.:]{2,45}");
    private static final Set<String> CAPTURE_MODES = Set.of("AUTHOR_CAPTURE", "VALIDATION", "IMMEDIATE");
    private static final Set<String> ORDER_CHANNELS = Set.of("INTERNET", "MOTO", "INAPP", "MAIL_ORDER",
            "TELEPHONE_ORDER");
    private static final Set<String> PAYMENT_PATTERNS = Set.of("ONE_SHOT", "RECURRING_1", "RECURRING_N",
            "INSTALMENT");
    private static final Set<String> RECOVERY_INDICATORS = Set.of("Y", "N");
    private static final int MAX_ENCRYPTED_CARD = 4096;

    private final RequestFields fields;

    public OrderFields(RequestFields fields) {
        this.fields = fields;
    }

    public boolean has(String name) {
        return fields.raw(name).isPresent();
    }

    public String transactionReference() {
        return fields.transactionReference();
    }

    public String fromTransactionReference() {
        return matching("fromTransactionReference", TRANSACTION_REFERENCE);
    }

    public Optional<String> fromMerchantId() {
        return optionalMatching("fromMerchantId", MERCHANT_ID);
    }

    /** A positive amount in minor units (12 digits at most), a JSON integer or a numeric string. */
    public long amount(String name) {
        return fields.positiveAmount(name);
    }

    /** A known ISO 4217 numeric code, as a string or a JSON integer, normalised to 3 digits. */
    public String currencyCode() {
        String currency = fields.currencyCode();
        if (Currencies.byNumeric(currency).isEmpty()) {
            throw new FieldFormatException("currencyCode");
        }
        return currency;
    }

    public Optional<String> captureMode() {
        return oneOf("captureMode", CAPTURE_MODES);
    }

    /** 0–99 days, a JSON integer or a numeric string. */
    public Optional<Integer> captureDay() {
        if (!has("captureDay")) {
            return Optional.empty();
        }
        long day = fields.integer("captureDay");
        if (day < 0 || day > 99) {
            throw new FieldFormatException("captureDay");
        }
        return Optional.of((int) day);
    }

    public Optional<String> orderChannel() {
        return oneOf("orderChannel", ORDER_CHANNELS);
    }

    public Optional<String> paymentPattern() {
        return oneOf("paymentPattern", PAYMENT_PATTERNS);
    }

    public Optional<String> paymentMeanBrand() {
        return optionalMatching("paymentMeanBrand", BRAND);
    }

    public Optional<String> customerIpAddress() {
        return optionalMatching("customerIpAddress", IP_ADDRESS);
    }

    public Optional<String> orderId() {
        return fields.optionalString("orderId", 128);
    }

    public Optional<String> statementReference() {
        return fields.optionalString("statementReference", 255);
    }

    public Optional<String> returnContext() {
        return fields.optionalString("returnContext", 512);
    }

    public Optional<String> operationOrigin() {
        return fields.optionalString("operationOrigin", 20);
    }

    /** {@code Y} (the last validation of the transaction) or {@code N}. */
    public Optional<String> lastRecoveryIndicator() {
        return oneOf("lastRecoveryIndicator", RECOVERY_INDICATORS);
    }

    /** 12–19 digits (Luhn is the authorization service's job: test cards skip it, SIPS.md §8). */
    public String cardNumber() {
        return matching("cardNumber", CARD_NUMBER);
    }

    /** {@code yyyyMM}. */
    public String cardExpiryDate() {
        return matching("cardExpiryDate", EXPIRY);
    }

    /** 3 or 4 digits, optional. */
    public Optional<String> cardCSCValue() {
        return optionalMatching("cardCSCValue", CSC);
    }

    /** A compact JWE (five dot-separated base64url parts) of at most 4096 characters. */
    public String encryptedCardData() {
        if (!(fields.raw("encryptedCardData").orElse(null) instanceof String text)
                || text.length() > MAX_ENCRYPTED_CARD || !COMPACT_JWE.matcher(text).matches()) {
            throw new FieldFormatException("encryptedCardData");
        }
        return text;
    }

    public String merchantWalletId() {
        return matching("merchantWalletId", WALLET_ID);
    }

    /** The wallet's number for the card: 1–9 digits, a JSON integer or a numeric string. */
    public String paymentMeanId() {
        Object value = fields.raw("paymentMeanId").orElse(null);
        String text = value instanceof Integer || value instanceof Long ? value.toString()
                : value instanceof String s ? s : null;
        if (text == null || !PAYMENT_MEAN_ID.matcher(text).matches()) {
            throw new FieldFormatException("paymentMeanId");
        }
        return text;
    }

    private Optional<String> oneOf(String name, Set<String> allowed) {
        Optional<String> value = fields.optionalString(name, 30);
        if (value.isPresent() && !allowed.contains(value.get())) {
            throw new FieldFormatException(name);
        }
        return value;
    }

    private String matching(String name, Pattern pattern) {
        if (!(fields.raw(name).orElse(null) instanceof String text) || !pattern.matcher(text).matches()) {
            throw new FieldFormatException(name);
        }
        return text;
    }

    private Optional<String> optionalMatching(String name, Pattern pattern) {
        if (fields.raw(name).isEmpty()) {
            return Optional.empty();
        }
        if (fields.raw(name).get() instanceof String text && text.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(matching(name, pattern));
    }
}
