package org.caisse.keymanagement.application.port.out;

import io.smallrye.mutiny.Uni;
import java.util.Optional;
import org.caisse.keymanagement.domain.MerchantKeyId;

/** Persistence of merchant secret keys (encrypted material, clear metadata). */
public interface MerchantSecretKeyRepository {

    Uni<Optional<StoredMerchantSecretKey>> find(MerchantKeyId id);

    /**
     * Inserts the key unless a row for the same merchant and version exists.
     *
     * @return {@code true} when inserted, {@code false} when the version was already there (left unchanged)
     */
    Uni<Boolean> insertIfAbsent(StoredMerchantSecretKey key);

    /** Notes that a service was just given this version (at most one write a minute per version). */
    Uni<Void> recordUse(MerchantKeyId id, java.time.Instant now);
}
