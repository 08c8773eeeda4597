package org.caisse.officeserver.domain.merchant;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.caisse.common.money.Currencies;
import org.caisse.common.url.UrlAllowList;

/**
 * Checks a merchant settings document field by field and either builds {@link MerchantSettings} or
 * lists every {@link Violation}. Unknown fields are refused so that a typo never passes silently.
 */
public final class MerchantSettingsParser {

    /** The outcome: exactly one of settings or violations. */
    public sealed interface Result {
        record Valid(MerchantSettings settings) implements Result {
        }

        record Invalid(List<Violation> violations) implements Result {
            public Invalid {
                violations = List.copyOf(violations);
            }
        }
    }

    static final Set<String> KNOWN_FIELDS = Set.of("merchantId", "shopName", "mode", "allowedUrlPatterns",
            "legacySha256Allowed", "currencies", "languages", "defaultLanguage", "captureMode", "captureDay",
            "automaticResponseEnabled", "shopperTicketEmail", "merchantTicketEmail", "merchantEmail", "frameAncestors",
            "dataRetentionDays");
    /** An https origin, optionally {@code https://*.host}, as payment-page-service accepts it in frame-ancestors. */
    private static final Pattern FRAME_ANCESTOR =
            Pattern.compile("https://(\\*\\.)?[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*(:\\d{1,5})?");
    /** A deliberately plain address check (one @, a dotted domain, no spaces); the mail server has the last word. */
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+");
    private static final int MAX_FRAME_ANCESTORS = 20;
    private static final int MAX_CAPTURE_DAY = 99;
    private static final int MAX_EMAIL = 254;
    private static final Pattern MERCHANT_ID = Pattern.compile("[0-9]{15}");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2}");
    private static final Pattern CURRENCY = Pattern.compile("[0-9]{3}");
    private static final int MAX_SHOP_NAME = 100;
    private static final int MAX_LIST = 50;

    private MerchantSettingsParser() {
    }

    /**
     * @param expectedMerchantId the merchant named by the request path; the document must name the same
     * @param document the parsed JSON object
     */
    public static Result parse(String expectedMerchantId, Map<String, ?> document) {
        List<Violation> violations = new ArrayList<>();
        for (String field : document.keySet()) {
            if (!KNOWN_FIELDS.contains(field)) {
                violations.add(new Violation(field, "unknown field"));
            }
        }

        String merchantId = string(document, "merchantId", violations);
        if (merchantId != null) {
            if (!MERCHANT_ID.matcher(merchantId).matches()) {
                violations.add(new Violation("merchantId", "must be 15 digits"));
            } else if (!merchantId.equals(expectedMerchantId)) {
                violations.add(new Violation("merchantId", "must equal the merchantId of the path"));
            }
        }

        String shopName = string(document, "shopName", violations);
        if (shopName != null && (shopName.isBlank() || shopName.length() > MAX_SHOP_NAME)) {
            violations.add(new Violation("shopName", "must be 1 to " + MAX_SHOP_NAME + " characters"));
        }

        MerchantMode mode = null;
        String modeText = string(document, "mode", violations);
        if (modeText != null) {
            try {
                mode = MerchantMode.valueOf(modeText);
            } catch (IllegalArgumentException unknown) {
                violations.add(new Violation("mode", "must be TEST or PRODUCTION"));
            }
        }

        List<String> patterns = stringList(document, "allowedUrlPatterns", violations);
        if (patterns != null) {
            for (int i = 0; i < patterns.size(); i++) {
                if (!isOriginPattern(patterns.get(i))) {
                    violations.add(new Violation("allowedUrlPatterns/" + i,
                            "must be an origin scheme://host[:port], with * as port for any port"));
                }
            }
        }

        Boolean legacy = null;
        Object legacyValue = document.get("legacySha256Allowed");
        if (legacyValue == null) {
            violations.add(new Violation("legacySha256Allowed", "required"));
        } else if (legacyValue instanceof Boolean b) {
            legacy = b;
        } else {
            violations.add(new Violation("legacySha256Allowed", "must be a boolean"));
        }

        List<String> currencies = stringList(document, "currencies", violations);
        if (currencies != null) {
            if (currencies.isEmpty()) {
                violations.add(new Violation("currencies", "must name at least one currency"));
            }
            for (int i = 0; i < currencies.size(); i++) {
                String code = currencies.get(i);
                if (!CURRENCY.matcher(code).matches() || Currencies.byNumeric(code).isEmpty()) {
                    violations.add(new Violation("currencies/" + i, "must be a known ISO 4217 numeric code"));
                }
            }
            if (new LinkedHashSet<>(currencies).size() != currencies.size()) {
                violations.add(new Violation("currencies", "must not repeat a currency"));
            }
        }

        List<String> languages = stringList(document, "languages", violations);
        if (languages != null) {
            if (languages.isEmpty()) {
                violations.add(new Violation("languages", "must name at least one language"));
            }
            for (int i = 0; i < languages.size(); i++) {
                if (!LANGUAGE.matcher(languages.get(i)).matches()) {
                    violations.add(new Violation("languages/" + i, "must be an ISO 639-1 code in lower case"));
                }
            }
        }

        String defaultLanguage = string(document, "defaultLanguage", violations);
        if (defaultLanguage != null && languages != null && !languages.contains(defaultLanguage)) {
            violations.add(new Violation("defaultLanguage", "must be one of languages"));
        }

        CaptureMode captureMode = MerchantSettings.DEFAULT_CAPTURE_MODE;
        if (document.containsKey("captureMode")) {
            String text = string(document, "captureMode", violations);
            if (text != null) {
                try {
                    captureMode = CaptureMode.valueOf(text);
                } catch (IllegalArgumentException unknown) {
                    violations.add(new Violation("captureMode", "must be AUTHOR_CAPTURE or VALIDATION"));
                }
            }
        }
        int captureDay = optionalInt(document, "captureDay", MerchantSettings.DEFAULT_CAPTURE_DAY, 0, MAX_CAPTURE_DAY,
                violations);
        boolean automaticResponse = optionalBoolean(document, "automaticResponseEnabled", true, violations);
        boolean shopperTicket = optionalBoolean(document, "shopperTicketEmail", false, violations);
        boolean merchantTicket = optionalBoolean(document, "merchantTicketEmail", false, violations);
        String merchantEmail = null;
        if (document.containsKey("merchantEmail")) {
            merchantEmail = string(document, "merchantEmail", violations);
            if (merchantEmail != null && (merchantEmail.length() > MAX_EMAIL || !EMAIL.matcher(merchantEmail).matches())) {
                violations.add(new Violation("merchantEmail", "must be an e-mail address"));
            }
        }
        if (merchantTicket && merchantEmail == null && !document.containsKey("merchantEmail")) {
            violations.add(new Violation("merchantEmail", "required when merchantTicketEmail is true"));
        }
        List<String> frameAncestors = List.of();
        if (document.containsKey("frameAncestors")) {
            frameAncestors = stringList(document, "frameAncestors", violations);
            if (frameAncestors != null) {
                if (frameAncestors.size() > MAX_FRAME_ANCESTORS) {
                    violations.add(new Violation("frameAncestors", "must name at most " + MAX_FRAME_ANCESTORS + " origins"));
                }
                for (int i = 0; i < frameAncestors.size(); i++) {
                    if (!FRAME_ANCESTOR.matcher(frameAncestors.get(i)).matches()) {
                        violations.add(new Violation("frameAncestors/" + i,
                                "must be a lower-case https origin, optionally https://*.host"));
                    }
                }
            }
        }
        int retention = optionalInt(document, "dataRetentionDays", MerchantSettings.DEFAULT_DATA_RETENTION_DAYS,
                MerchantSettings.MIN_DATA_RETENTION_DAYS, MerchantSettings.DEFAULT_DATA_RETENTION_DAYS, violations);

        if (!violations.isEmpty()) {
            return new Result.Invalid(violations);
        }
        return new Result.Valid(new MerchantSettings(merchantId, shopName, mode, patterns, legacy,
                currencies, languages, defaultLanguage, captureMode, captureDay, automaticResponse, shopperTicket,
                merchantTicket, merchantEmail, frameAncestors, retention));
    }

    /**
     * A pattern is valid when {@link UrlAllowList} (the class that later applies it to return and notification
     * URLs) accepts it, so no pattern is stored that the payment page would refuse; an explicit port must
     * moreover be 1 to 65535.
     */
    static boolean isOriginPattern(String pattern) {
        try {
            UrlAllowList.of(List.of(pattern));
        } catch (IllegalArgumentException notAnOrigin) {
            return false;
        }
        String base = pattern.endsWith(":*") ? pattern.substring(0, pattern.length() - 2) : pattern;
        try {
            int port = new URI(base).getPort();
            return port == -1 || (port >= 1 && port <= 65535);
        } catch (URISyntaxException unreadable) {
            return false;
        }
    }

    /** An optional JSON integer within [min, max]; absent → the default. */
    private static int optionalInt(Map<String, ?> document, String field, int defaultValue, int min, int max,
                                   List<Violation> violations) {
        if (!document.containsKey(field)) {
            return defaultValue;
        }
        Object value = document.get(field);
        if (value instanceof Integer || value instanceof Long || value instanceof java.math.BigInteger) {
            long number = ((Number) value).longValue();
            if (value instanceof java.math.BigInteger big && big.bitLength() > 62) {
                number = Long.MAX_VALUE;
            }
            if (number >= min && number <= max) {
                return (int) number;
            }
        }
        violations.add(new Violation(field, "must be an integer from " + min + " to " + max));
        return defaultValue;
    }

    /** An optional JSON boolean; absent → the default. */
    private static boolean optionalBoolean(Map<String, ?> document, String field, boolean defaultValue,
                                           List<Violation> violations) {
        if (!document.containsKey(field)) {
            return defaultValue;
        }
        if (document.get(field) instanceof Boolean b) {
            return b;
        }
        violations.add(new Violation(field, "must be a boolean"));
        return defaultValue;
    }

    private static String string(Map<String, ?> document, String field, List<Violation> violations) {
        Object value = document.get(field);
        if (value == null) {
            violations.add(new Violation(field, "required"));
            return null;
        }
        if (!(value instanceof String text)) {
            violations.add(new Violation(field, "must be a string"));
            return null;
        }
        return text;
    }

    private static List<String> stringList(Map<String, ?> document, String field, List<Violation> violations) {
        Object value = document.get(field);
        if (value == null) {
            violations.add(new Violation(field, "required"));
            return null;
        }
        if (!(value instanceof List<?> list) || list.size() > MAX_LIST) {
            violations.add(new Violation(field, "must be an array of at most " + MAX_LIST + " strings"));
            return null;
        }
        List<String> strings = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i) instanceof String text) {
                strings.add(text);
            } else {
                violations.add(new Violation(field + "/" + i, "must be a string"));
                return null;
            }
        }
        return strings;
    }
}
