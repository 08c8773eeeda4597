package org.caisse.officeserver.domain.merchant;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A merchant's shop settings, the document distributed on {@code caisse.merchants.v1}
 * (docs/platform-contracts.md, "Merchant settings (JSON)"). Build it through
 * {@link MerchantSettingsParser}, which checks every field.
 */
public record MerchantSettings(
        String merchantId,
        String shopName,
        MerchantMode mode,
        List<String> allowedUrlPatterns,
        boolean legacySha256Allowed,
        List<String> currencies,
        List<String> languages,
        String defaultLanguage) {

    public MerchantSettings {
        allowedUrlPatterns = List.copyOf(allowedUrlPatterns);
        currencies = List.copyOf(currencies);
        languages = List.copyOf(languages);
    }

    /** The settings as the contract's JSON document (field order as in the contract). */
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
        return document;
    }
}
