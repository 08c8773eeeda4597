package org.caisse.keymanagement.application.site;

import java.util.List;
import java.util.Objects;
import org.caisse.keymanagement.application.port.out.KeyVersionSummary;
import org.caisse.keymanagement.domain.MerchantId;
import org.caisse.keymanagement.domain.cse.CsePublicKey;

/** A merchant's key versions (newest first) and CSE key pairs (newest first), without any secret. */
public record MerchantKeys(MerchantId merchantId, List<KeyVersionSummary> keyVersions, List<CsePublicKey> cseKeys) {

    public MerchantKeys {
        Objects.requireNonNull(merchantId, "merchantId");
        keyVersions = List.copyOf(keyVersions);
        cseKeys = List.copyOf(cseKeys);
    }
}
