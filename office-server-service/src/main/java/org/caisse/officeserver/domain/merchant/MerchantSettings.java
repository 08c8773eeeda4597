package org.caisse.officeserver.domain.merchant;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A merchant's shop settings, the document distributed on {@code caisse.merchants.v1}
 * (docs/platform-contracts.md, "Merchant settings (JSON)"). Build it through
 * {@link MerchantSettingsParser}, which checks every field.
 *
 * <p>The fields after {@code defaultLanguage} came later; a document without them takes the defaults of
 * {@link #withDefaults}, so older producers and consumers keep working.
 */
public record MerchantSettings(
        String merchantId,
        String shopName,
        MerchantMode mode,
        List<String> allowedUrlPatterns,
        boolean legacySha256Allowed,
        List<String> currencies,
        List<String> languages,
        String defaultLanguage,
        CaptureMode captureMode,
        int captureDay,
        boolean automaticResponseEnabled,
        boolean shopperTicketEmail,
        boolean merchantTicketEmail,
        String merchantEmail,
        List<String> frameAncestors,
        int dataRetentionDays) {

    public static final CaptureMode DEFAULT_CAPTURE_MODE = CaptureMode.AUTHOR_CAPTURE;
    public static final int DEFAULT_CAPTURE_DAY = 0;
    public static final int DEFAULT_DATA_RETENTION_DAYS = 540;
    public static final int MIN_DATA_RETENTION_DAYS = 45;

    public MerchantSettings {
        allowedUrlPatterns = List.copyOf(allowedUrlPatterns);
        currencies = List.copyOf(currencies);
        languages = List.copyOf(languages);
        frameAncestors = frameAncestors == null ? List.of() : List.copyOf(frameAncestors);
    }

    /** Settings with the defaults for everything added after the first version of the contract. */
    public static MerchantSettings withDefaults(String merchantId, String shopName, MerchantMode mode,
                                                List<String> allowedUrlPatterns, boolean legacySha256Allowed,
                                                List<String> currencies, List<String> languages,
                                                String defaultLanguage) {
        return new MerchantSettings(merchantId, shopName, mode, allowedUrlPatterns, legacySha256Allowed, currencies,
                languages, defaultLanguage, DEFAULT_CAPTURE_MODE, DEFAULT_CAPTURE_DAY, true, false, false, null,
                List.of(), DEFAULT_DATA_RETENTION_DAYS);
    }

    /** The settings as the contract's JSON document (field order as in the contract); no merchantEmail when none. */
    public Map<String, Object> toDocument() {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("merchantId", merchantId);
        document.put("shopName", shopName);
        document.put("mode", mode.name());
        document.put("allowedUrlPatterns", allowedUrlPatterns);
        document.put("legacySha256Allowed", legacySha256Allowed);
        document.put("currencies", currencies);
        document.put("languages", languages);
        document.put("defaultLanguage", defaultLanguage);
        document.put("captureMode", captureMode.name());
        document.put("captureDay", captureDay);
        document.put("automaticResponseEnabled", automaticResponseEnabled);
        document.put("shopperTicketEmail", shopperTicketEmail);
        document.put("merchantTicketEmail", merchantTicketEmail);
        if (merchantEmail != null) {
            document.put("merchantEmail", merchantEmail);
        }
        document.put("frameAncestors", frameAncestors);
        document.put("dataRetentionDays", dataRetentionDays);
        return document;
    }
}
