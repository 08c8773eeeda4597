package org.caisse.authorization.application.port.out;

import io.smallrye.mutiny.Uni;
import org.caisse.authorization.domain.risk.MerchantRules;

/** Where each merchant's rules (fraud rules, duplicate permissions) live. */
public interface MerchantRulesStore {

    /**
     * The rules to enforce on an authorization: {@link MerchantRules#defaults()} when the merchant set none. Read
     * through a short in-memory cache ({@code caisse.risk.rules-cache-ttl}): a change made on another replica is seen
     * after at most that long; a change made through this instance at once.
     */
    Uni<MerchantRules> find(String merchantId);

    /** The stored rules with their version, read from the database (no cache). */
    Uni<VersionedMerchantRules> findVersioned(String merchantId);

    /**
     * Replaces a merchant's rules and increments their version, atomically.
     *
     * @param updatedBy       the service making the change
     * @param expectedVersion the version the caller read (0: none set yet), or null to write whatever is stored;
     *                        when it is not the stored one the Uni fails with {@link StaleRulesVersionException}
     * @return the rules as stored, with their new version
     */
    Uni<VersionedMerchantRules> save(String merchantId, MerchantRules rules, String updatedBy, Long expectedVersion);
}
