package org.caisse.authorization.application.port.out;

import java.time.Instant;
import java.util.Objects;
import org.caisse.authorization.domain.risk.MerchantRules;

/**
 * A merchant's rules as stored.
 *
 * @param version   1 when first set, +1 on every change; 0 when the merchant never set any (then {@code rules} are
 *                  the defaults and {@code updatedAt}, {@code updatedBy} null)
 * @param updatedBy the service that wrote this version
 */
public record VersionedMerchantRules(String merchantId, MerchantRules rules, long version, Instant updatedAt,
                                     String updatedBy) {

    public VersionedMerchantRules {
        Objects.requireNonNull(merchantId, "merchantId");
        Objects.requireNonNull(rules, "rules");
    }

    public static VersionedMerchantRules neverSet(String merchantId) {
        return new VersionedMerchantRules(merchantId, MerchantRules.defaults(), 0, null, null);
    }
}
