package org.caisse.keymanagement.application.port.out;

import io.smallrye.mutiny.Uni;
import java.util.List;
import java.util.Optional;
import org.caisse.keymanagement.domain.MerchantId;
import org.caisse.keymanagement.domain.cse.CseKeyId;

/** Persistence of CSE key pairs (public JWK and lifecycle in clear, private key envelope-encrypted). */
public interface CseKeyRepository {

    /** The pair of that merchant with that kid; empty for an unknown kid or another merchant's kid. */
    Uni<Optional<StoredCseKey>> find(CseKeyId id);

    /** Every pair of the merchant, newest first, without their encrypted private keys. */
    Uni<List<StoredCseKey>> findPublicByMerchant(MerchantId merchantId);

    /**
     * Inserts the pair unless its kid exists (for any merchant).
     *
     * @return {@code true} when inserted, {@code false} when the kid was already there (left unchanged)
     */
    Uni<Boolean> insertIfAbsent(StoredCseKey key);
}
