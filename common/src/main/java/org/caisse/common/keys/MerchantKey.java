package org.caisse.common.keys;

import java.time.Instant;
import java.util.Objects;

/**
 * A merchant's secret seal key of one version, as served by key-management-service. {@link #toString()} never shows
 * the key.
 *
 * @param notAfter the end of validity, or null when open-ended
 */
public record MerchantKey(String merchantId, int keyVersion, String secretKey, String status, String environment,
                          Instant notAfter) {

    public MerchantKey {
        Objects.requireNonNull(merchantId, "merchantId");
        Objects.requireNonNull(secretKey, "secretKey");
    }

    /** Whether the key may still seal at {@code now} (before {@code notAfter}). */
    public boolean isValidAt(Instant now) {
        return notAfter == null || now.isBefore(notAfter);
    }

    @Override
    public String toString() {
        return "MerchantKey[merchantId=" + merchantId + ", keyVersion=" + keyVersion + ", secretKey=***, status="
                + status + ", environment=" + environment + ", notAfter=" + notAfter + "]";
    }
}
