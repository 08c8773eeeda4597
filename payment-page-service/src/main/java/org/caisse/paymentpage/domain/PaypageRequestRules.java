package org.caisse.paymentpage.domain;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.caisse.common.data.SipsData;
import org.caisse.common.data.SipsDataFormatException;
import org.caisse.common.money.Currencies;
import org.caisse.common.seal.SealAlgorithm;

/**
 * The format rules of a Paypage POST request (SIPS.md §2), in the order the page applies them. Each
 * rule throws {@link PaymentRequestRejected} with the Sips code and field name.
 */
public final class PaypageRequestRules {

    public static final String FIELD_DATA = "Data";
    public static final String FIELD_ENCODE = "Encode";
    public static final String FIELD_SEAL_ALGORITHM = "SealAlgorithm";
    public static final String FIELD_INTERFACE_VERSION = "InterfaceVersion";

    private static final Pattern MERCHANT_ID = Pattern.compile("\\d{15}");
    private static final Pattern KEY_VERSION = Pattern.compile("\\d{1,9}");
    private static final Pattern AMOUNT = Pattern.compile("\\d{1,18}");
    private static final Pattern CURRENCY = Pattern.compile("\\d{3}");
    private static final Pattern REFERENCE = Pattern.compile("[A-Za-z0-9]{1,35}");
    private static final Pattern CAPTURE_DAY = Pattern.compile("\\d{1,2}");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2}");
    private static final Pattern BRAND = Pattern.compile("[A-Z0-9_]{1,32}");
    private static final Set<String> CAPTURE_MODES = Set.of("AUTHOR_CAPTURE", "VALIDATION", "IMMEDIATE");
    private static final Set<String> ORDER_CHANNELS = Set.of("INTERNET", "MOTO", "INAPP");
    private static final Set<String> PAYMENT_PATTERNS = Set.of("ONE_SHOT", "RECURRING_1", "RECURRING_N", "INSTALMENT");
    private static final int MAX_URL_LENGTH = 512;
    private static final int MAX_VALUE_LENGTH = 512;
    /** Each at most the limit of authorization-service's request validation, so nothing accepted here is refused there. */
    private static final Map<String, Integer> MAX_LENGTHS = Map.of(
            "orderId", 32,
            "returnContext", 255,
            "statementReference", 255,
            "customerId", 19,
            "customerEmail", 128,
            "customerIpAddress", 45,
            "templateName", 64,
            "merchantWalletId", 21,
            "transactionOrigin", 20);

    private PaypageRequestRules() {
    }

    /** The {@code Encode} field: empty or {@code base64}; returns the Data text to parse. */
    public static String decodeData(String data, String encode) {
        if (data == null || data.isEmpty()) {
            throw PaymentRequestRejected.formatError(FIELD_DATA);
        }
        if (encode == null || encode.isEmpty()) {
            return data;
        }
        if (!encode.equalsIgnoreCase("base64")) {
            throw PaymentRequestRejected.formatError(FIELD_ENCODE);
        }
        try {
            return SipsData.decodeBase64(data);
        } catch (RuntimeException e) {
            throw PaymentRequestRejected.formatError(FIELD_DATA);
        }
    }

    public static SipsData parse(String text) {
        try {
            return SipsData.parse(text);
        } catch (SipsDataFormatException e) {
            throw PaymentRequestRejected.formatError(e.fieldName() == null ? FIELD_DATA : e.fieldName());
        } catch (RuntimeException e) {
            throw PaymentRequestRejected.formatError(FIELD_DATA);
        }
    }

    /** The required fields, checked in the order of SIPS.md §2. */
    public static PaypageRequest requireFields(SipsData data) {
        String merchantId = required(data, "merchantId", MERCHANT_ID);
        String keyVersion = required(data, "keyVersion", KEY_VERSION);
        if (Integer.parseInt(keyVersion) < 1) {
            throw PaymentRequestRejected.formatError("keyVersion");
        }
        String amount = required(data, "amount", AMOUNT);
        long amountValue = Long.parseLong(amount);
        if (amountValue <= 0) {
            throw PaymentRequestRejected.formatError("amount");
        }
        String currency = required(data, "currencyCode", CURRENCY);
        if (Currencies.byNumeric(currency).isEmpty()) {
            throw PaymentRequestRejected.formatError("currencyCode");
        }
        String normalReturnUrl = data.get("normalReturnUrl").filter(v -> !v.isBlank())
                .orElseThrow(() -> PaymentRequestRejected.formatError("normalReturnUrl"));
        if (normalReturnUrl.length() > MAX_URL_LENGTH) {
            throw PaymentRequestRejected.formatError("normalReturnUrl");
        }
        String reference = required(data, "transactionReference", REFERENCE);
        return new PaypageRequest(merchantId, Integer.parseInt(keyVersion), amountValue, currency,
                normalReturnUrl, reference, data.asMap());
    }

    /**
     * The request's seal algorithm: HMAC-SHA-256 when named, the legacy SHA-256 form when absent or
     * named {@code SHA-256}, which only merchants allowing it may use (else 34).
     */
    public static SealAlgorithm sealAlgorithm(String wireName, MerchantSettings merchant) {
        Optional<SealAlgorithm> named;
        if (wireName == null || wireName.isBlank()) {
            named = Optional.empty();
        } else {
            named = SealAlgorithm.fromWireName(wireName.strip());
            if (named.isEmpty()) {
                throw PaymentRequestRejected.formatError(FIELD_SEAL_ALGORITHM);
            }
        }
        SealAlgorithm algorithm = named.orElse(SealAlgorithm.SHA_256);
        if (algorithm == SealAlgorithm.SHA_256 && !merchant.legacySha256Allowed()) {
            throw PaymentRequestRejected.of("34");
        }
        return algorithm;
    }

    /** The optional fields the page relies on, and a length bound on every other value. */
    public static void checkOptionalFields(PaypageRequest request) {
        request.field("captureMode").ifPresent(v -> oneOf("captureMode", v, CAPTURE_MODES));
        request.field("captureDay").ifPresent(v -> {
            if (!CAPTURE_DAY.matcher(v).matches()) {
                throw PaymentRequestRejected.formatError("captureDay");
            }
        });
        request.field("orderChannel").ifPresent(v -> oneOf("orderChannel", v, ORDER_CHANNELS));
        request.field("paymentPattern").ifPresent(v -> oneOf("paymentPattern", v, PAYMENT_PATTERNS));
        request.field("customerLanguage").ifPresent(v -> {
            if (!LANGUAGE.matcher(v).matches()) {
                throw PaymentRequestRejected.formatError("customerLanguage");
            }
        });
        request.field("paymentMeanBrandList").ifPresent(v -> {
            List<String> brands = List.of(v.split(",", -1));
            if (brands.stream().anyMatch(b -> !BRAND.matcher(b.strip()).matches())) {
                throw PaymentRequestRejected.formatError("paymentMeanBrandList");
            }
        });
        request.field("responseEncoding").ifPresent(v -> {
            if (!v.equalsIgnoreCase("base64")) {
                throw PaymentRequestRejected.formatError("responseEncoding");
            }
        });
        // The name of one of the merchant's uploaded stylesheets; an unknown but well-formed name falls back to
        // the default look when the page is shown.
        request.field("templateName").ifPresent(v -> {
            if (!org.caisse.paymentpage.domain.branding.StylesheetNames.isValid(v)) {
                throw PaymentRequestRejected.formatError("templateName");
            }
        });
        request.field("paypageData.bypassReceiptPage").ifPresent(v -> {
            if (!v.equals("true") && !v.equals("false")) {
                throw PaymentRequestRejected.formatError("paypageData.bypassReceiptPage");
            }
        });
        request.field("automaticResponseUrl").ifPresent(v -> {
            if (v.length() > MAX_URL_LENGTH) {
                throw PaymentRequestRejected.formatError("automaticResponseUrl");
            }
        });
        for (Map.Entry<String, String> e : request.fields().entrySet()) {
            int max = MAX_LENGTHS.getOrDefault(e.getKey(), MAX_VALUE_LENGTH);
            if (e.getValue().length() > max || hasControlCharacter(e.getValue())) {
                throw PaymentRequestRejected.formatError(e.getKey());
            }
        }
    }

    /** Return and notification URLs must belong to an origin the merchant registered. */
    public static void checkUrls(PaypageRequest request, MerchantSettings merchant) {
        if (!merchant.allowsUrl(request.normalReturnUrl())) {
            throw PaymentRequestRejected.formatError("normalReturnUrl");
        }
        request.automaticResponseUrl().ifPresent(url -> {
            if (!merchant.allowsUrl(url)) {
                throw PaymentRequestRejected.formatError("automaticResponseUrl");
            }
        });
    }

    /**
     * The merchant must accept the request's currency (its settings' {@code currencies}; a merchant with
     * none accepts none) → else 30 {@code currencyCode}.
     */
    public static void checkCurrency(PaypageRequest request, MerchantSettings merchant) {
        if (!merchant.currencies().contains(request.currencyCode())) {
            throw PaymentRequestRejected.formatError("currencyCode");
        }
    }

    /** C0 controls but tab, and DEL: refused in every value (authorization-service refuses them in texts). */
    private static boolean hasControlCharacter(String value) {
        return value.chars().anyMatch(c -> (c < 0x20 && c != '\t') || c == 0x7f);
    }

    private static String required(SipsData data, String field, Pattern format) {
        String value = data.get(field).orElseThrow(() -> PaymentRequestRejected.formatError(field));
        if (!format.matcher(value).matches()) {
            throw PaymentRequestRejected.formatError(field);
        }
        return value;
    }

    private static void oneOf(String field, String value, Set<String> allowed) {
        if (!allowed.contains(value)) {
            throw PaymentRequestRejected.formatError(field);
        }
    }
}
