package org.caisse.keymanagement.application.site;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.caisse.keymanagement.application.port.out.CseKeyRepository;
import org.caisse.keymanagement.application.port.out.MerchantKeyListing;
import org.caisse.keymanagement.application.port.out.StoredCseKey;
import org.caisse.keymanagement.domain.MerchantId;

/** Read-only: the key versions and CSE key pairs of one merchant, as the key site lists them. */
@ApplicationScoped
public class MerchantKeysQuery {

    private final MerchantKeyListing keyVersions;
    private final CseKeyRepository cseKeys;

    public MerchantKeysQuery(MerchantKeyListing keyVersions, CseKeyRepository cseKeys) {
        this.keyVersions = keyVersions;
        this.cseKeys = cseKeys;
    }

    public Uni<MerchantKeys> of(MerchantId merchantId) {
        return keyVersions.keyVersionsOf(merchantId).flatMap(versions -> cseKeys.findPublicByMerchant(merchantId)
                .map(pairs -> new MerchantKeys(merchantId, versions,
                        pairs.stream().map(StoredCseKey::publicKey).toList())));
    }
}
