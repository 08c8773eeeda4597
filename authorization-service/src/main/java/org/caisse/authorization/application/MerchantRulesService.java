package org.caisse.authorization.application;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.caisse.authorization.application.port.out.MerchantRulesStore;
import org.caisse.authorization.application.port.out.VersionedMerchantRules;
import org.caisse.authorization.domain.risk.MerchantRules;
import org.jboss.logging.Logger;

/** Reads and replaces a merchant's rules for the back office. */
@ApplicationScoped
public class MerchantRulesService {

    private static final Logger LOG = Logger.getLogger(MerchantRulesService.class);

    private final MerchantRulesStore store;

    public MerchantRulesService(MerchantRulesStore store) {
        this.store = store;
    }

    public Uni<VersionedMerchantRules> get(String merchantId) {
        return store.findVersioned(merchantId);
    }

    /**
     * @param document        the rules document ({@link MerchantRulesDocument})
     * @param expectedVersion the version the caller read, or null for an unconditional change
     * @throws InvalidRulesDocumentException before anything is written when the document is malformed
     */
    public Uni<VersionedMerchantRules> replace(String merchantId, Object document, String updatedBy,
                                              Long expectedVersion) {
        MerchantRules rules = MerchantRulesDocument.read(document, merchantId);
        return store.save(merchantId, rules, updatedBy, expectedVersion).invoke(saved ->
                LOG.infof("rules of merchant %s set to version %d by %s", merchantId, saved.version(), updatedBy));
    }
}
