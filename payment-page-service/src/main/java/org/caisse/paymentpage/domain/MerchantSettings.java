package org.caisse.paymentpage.domain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.caisse.common.url.UrlAllowList;

/**
 * A merchant's settings as distributed by office-server-service on the merchants topic
 * ("Merchant settings (JSON)" of the platform contracts). The URL allow-list is built once, when the settings
 * are read: settings with an invalid pattern cannot exist.
 */
public record MerchantSettings(
        String merchantId,
        String shopName,
        String mode,
        UrlAllowList urlAllowList,
        boolean legacySha256Allowed,
        List<String> currencies,
        List<String> languages,
        String defaultLanguage,
        List<String> frameAncestors) {

    /** A frame ancestor: an https origin, optionally with a leading {@code *.} host wildcard (CSP source syntax). */
    private static final Pattern FRAME_ANCESTOR =
            Pattern.compile("https://(\\*\\.)?[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*(:\\d{1,5})?");

    public MerchantSettings {
        Objects.requireNonNull(merchantId, "merchantId");
        Objects.requireNonNull(urlAllowList, "urlAllowList");
        currencies = List.copyOf(currencies);
        languages = List.copyOf(languages);
        frameAncestors = frameAncestors == null ? List.of() : List.copyOf(frameAncestors);
        if (frameAncestors.stream().anyMatch(origin -> !FRAME_ANCESTOR.matcher(origin).matches())) {
            throw new IllegalArgumentException("frameAncestors");
        }
    }

    /** Settings without frame ancestors: no site may frame the merchant's pages. */
    public MerchantSettings(String merchantId, String shopName, String mode, UrlAllowList urlAllowList,
                            boolean legacySha256Allowed, List<String> currencies, List<String> languages,
                            String defaultLanguage) {
        this(merchantId, shopName, mode, urlAllowList, legacySha256Allowed, currencies, languages, defaultLanguage,
                List.of());
    }

    /**
     * @throws IllegalArgumentException naming {@code allowedUrlPatterns} when a pattern is not an origin
     */
    public MerchantSettings(String merchantId, String shopName, String mode, List<String> allowedUrlPatterns,
                            boolean legacySha256Allowed, List<String> currencies, List<String> languages,
                            String defaultLanguage) {
        this(merchantId, shopName, mode, allowList(allowedUrlPatterns), legacySha256Allowed, currencies, languages,
                defaultLanguage, List.of());
    }

    private static UrlAllowList allowList(List<String> patterns) {
        try {
            return UrlAllowList.of(patterns);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("allowedUrlPatterns");
        }
    }

    public List<String> allowedUrlPatterns() {
        return urlAllowList.patterns();
    }

    /**
     * Whether a seal key of that environment ({@code TEST} or {@code PRODUCTION}, as key-management-service tags it)
     * may seal this merchant's requests: a TEST key never seals a PRODUCTION merchant's request, since TEST keys are
     * handed out freely (documentation, integration tests) and must not move real money.
     */
    public boolean acceptsKeyOf(String keyEnvironment) {
        return testMode() || !"TEST".equals(keyEnvironment);
    }

    /** True when the merchant runs in TEST mode (test cards offered, no real acquirer). */
    public boolean testMode() {
        return "TEST".equals(mode);
    }

    public boolean allowsUrl(String url) {
        return urlAllowList.allows(url);
    }

    /**
     * Reads the JSON document (as a map); throws {@link IllegalArgumentException} naming the bad field
     * when the document does not have the contract's shape.
     */
    public static MerchantSettings fromDocument(Map<String, ?> doc) {
        if (doc == null) {
            throw new IllegalArgumentException("document");
        }
        String merchantId = string(doc, "merchantId", true);
        if (!merchantId.matches("\\d{15}")) {
            throw new IllegalArgumentException("merchantId");
        }
        String shopName = string(doc, "shopName", false);
        String mode = string(doc, "mode", false);
        Object legacy = doc.get("legacySha256Allowed");
        if (legacy != null && !(legacy instanceof Boolean)) {
            throw new IllegalArgumentException("legacySha256Allowed");
        }
        String defaultLanguage = string(doc, "defaultLanguage", false);
        return new MerchantSettings(
                merchantId,
                shopName == null ? merchantId : shopName,
                mode == null ? "TEST" : mode,
                allowList(strings(doc, "allowedUrlPatterns")),
                Boolean.TRUE.equals(legacy),
                strings(doc, "currencies"),
                strings(doc, "languages"),
                defaultLanguage == null ? "fr" : defaultLanguage,
                frameAncestors(doc));
    }

    /** Optional {@code frameAncestors}: https origins allowed to frame the page (absent: none may). */
    private static List<String> frameAncestors(Map<String, ?> doc) {
        List<String> origins = strings(doc, "frameAncestors").stream().map(o -> o.toLowerCase(java.util.Locale.ROOT)).toList();
        if (origins.size() > 20 || origins.stream().anyMatch(o -> !FRAME_ANCESTOR.matcher(o).matches())) {
            throw new IllegalArgumentException("frameAncestors");
        }
        return origins;
    }

    public Map<String, Object> toDocument() {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("merchantId", merchantId);
        doc.put("shopName", shopName);
        doc.put("mode", mode);
        doc.put("allowedUrlPatterns", allowedUrlPatterns());
        doc.put("legacySha256Allowed", legacySha256Allowed);
        doc.put("currencies", currencies);
        doc.put("languages", languages);
        doc.put("defaultLanguage", defaultLanguage);
        if (!frameAncestors.isEmpty()) {
            doc.put("frameAncestors", frameAncestors);
        }
        return doc;
    }

    private static String string(Map<String, ?> doc, String key, boolean required) {
        Object value = doc.get(key);
        if (value == null) {
            if (required) {
                throw new IllegalArgumentException(key);
            }
            return null;
        }
        if (!(value instanceof String s)) {
            throw new IllegalArgumentException(key);
        }
        return s;
    }

    private static List<String> strings(Map<String, ?> doc, String key) {
        Object value = doc.get(key);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list) || list.stream().anyMatch(e -> !(e instanceof String))) {
            throw new IllegalArgumentException(key);
        }
        return list.stream().map(String.class::cast).toList();
    }
}
