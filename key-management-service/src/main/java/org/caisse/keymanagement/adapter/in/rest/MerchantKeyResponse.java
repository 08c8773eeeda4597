package org.caisse.keymanagement.adapter.in.rest;

import java.time.Instant;
import org.caisse.keymanagement.domain.MerchantSecretKey;

/**
 * The 200 body of {@code GET /internal/v1/merchants/{merchantId}/keys/{keyVersion}} (platform contracts).
 * {@code toString} hides the secret.
 */
public record MerchantKeyResponse(String merchantId, int keyVersion, String status, String environment,
                                  String secretKey, Instant notAfter) {

    static MerchantKeyResponse of(MerchantSecretKey key) {
        return new MerchantKeyResponse(key.merchantId().value(), key.keyVersion().value(), key.status().name(),
                key.environment().name(), key.secret().reveal(), key.notAfter().orElse(null));
    }

    @Override
    public String toString() {
        return "MerchantKeyResponse[merchantId=" + merchantId + ", keyVersion=" + keyVersion + ", status=" + status
                + ", environment=" + environment + ", secretKey=****, notAfter=" + notAfter + "]";
    }
}
