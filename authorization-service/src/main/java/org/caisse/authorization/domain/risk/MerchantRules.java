package org.caisse.authorization.domain.risk;

import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a merchant set for the engine to enforce.
 *
 * @param fraud                  the fraud rules applied to every authorization
 * @param duplicateFromMerchants other merchants (the merchant's own shops) whose transactions this merchant may
 *                               duplicate; a merchant may always duplicate its own
 */
public record MerchantRules(FraudRules fraud, Set<String> duplicateFromMerchants) {

    private static final Pattern MERCHANT_ID = Pattern.compile("\\d{15}");
    private static final MerchantRules DEFAULTS = new MerchantRules(FraudRules.none(), Set.of());

    public MerchantRules {
        Objects.requireNonNull(fraud, "fraud");
        duplicateFromMerchants = Set.copyOf(Objects.requireNonNull(duplicateFromMerchants, "duplicateFromMerchants"));
        for (String merchantId : duplicateFromMerchants) {
            if (!isValidMerchantId(merchantId)) {
                throw new IllegalArgumentException("a merchant id has 15 digits");
            }
        }
    }

    /** The rules of a merchant that set none: no fraud rule, duplicate from itself only. */
    public static MerchantRules defaults() {
        return DEFAULTS;
    }

    public static boolean isValidMerchantId(String merchantId) {
        return merchantId != null && MERCHANT_ID.matcher(merchantId).matches();
    }

    /**
     * Whether {@code merchantId}, owner of these rules, may duplicate a transaction of {@code fromMerchantId}.
     */
    public boolean mayDuplicateFrom(String merchantId, String fromMerchantId) {
        Objects.requireNonNull(merchantId, "merchantId");
        return merchantId.equals(fromMerchantId) || duplicateFromMerchants.contains(fromMerchantId);
    }
}
