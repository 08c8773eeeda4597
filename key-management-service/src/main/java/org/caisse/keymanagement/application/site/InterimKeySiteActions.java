package org.caisse.keymanagement.application.site;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.caisse.keymanagement.application.CseKeyService;
import org.caisse.keymanagement.domain.KeyEnvironment;
import org.caisse.keymanagement.domain.MerchantId;
import org.caisse.keymanagement.domain.MerchantKeyId;
import org.jboss.logging.Logger;

/**
 * {@link KeySiteActions} on the use cases this release has: listing and CSE key generation. The key lifecycle
 * actions (request, download once, activate, deactivate, rotation, dual-control revocation, audit log) answer
 * "not available yet" until their use cases exist; each is then one call to delegate here.
 */
@ApplicationScoped
public class InterimKeySiteActions implements KeySiteActions {

    private static final Logger LOG = Logger.getLogger(InterimKeySiteActions.class);

    private final MerchantKeysQuery query;
    private final CseKeyService cseKeys;

    public InterimKeySiteActions(MerchantKeysQuery query, CseKeyService cseKeys) {
        this.query = query;
        this.cseKeys = cseKeys;
    }

    @Override
    public Uni<MerchantKeys> merchantKeys(MerchantId merchantId) {
        return query.of(merchantId);
    }

    @Override
    public Uni<SiteActionResult> generateCseKey(SiteActor actor, MerchantId merchantId) {
        return cseKeys.generate(merchantId).map(created -> {
            LOG.infof("Key site: %s generated CSE key %s for merchant %s", actor.username(), created.id().kid(),
                    merchantId);
            return SiteActionResult.done("notice_cse_key_generated", created.id().kid());
        });
    }

    @Override
    public Uni<SiteActionResult> requestKeyGeneration(SiteActor actor, MerchantId merchantId,
                                                      KeyEnvironment environment) {
        return pending(actor, "request key generation", merchantId.value());
    }

    @Override
    public Uni<SiteActionResult> activate(SiteActor actor, MerchantKeyId key) {
        return pending(actor, "activate", key.toString());
    }

    @Override
    public Uni<SiteActionResult> deactivate(SiteActor actor, MerchantKeyId key) {
        return pending(actor, "deactivate", key.toString());
    }

    @Override
    public Uni<KeyDownload> downloadOnce(SiteActor actor, MerchantKeyId key) {
        return pending(actor, "download", key.toString()).map(KeyDownload.NoFile::new);
    }

    @Override
    public Uni<SiteActionResult> rotate(SiteActor actor, MerchantId merchantId, Duration overlap) {
        return pending(actor, "rotate", merchantId.value());
    }

    @Override
    public Uni<SiteActionResult> requestEmergencyRevocation(SiteActor actor, MerchantKeyId key, String reason) {
        return pending(actor, "request emergency revocation", key.toString());
    }

    @Override
    public Uni<SiteActionResult> approveEmergencyRevocation(SiteActor actor, String requestId) {
        return pending(actor, "approve emergency revocation", "request");
    }

    @Override
    public Uni<SiteListing<RevocationRequest>> pendingRevocations(MerchantId merchantId) {
        return Uni.createFrom().item(SiteListing.notAvailableYet());
    }

    @Override
    public Uni<SiteListing<AuditEntry>> auditLog(MerchantId merchantId) {
        return Uni.createFrom().item(SiteListing.notAvailableYet());
    }

    private static Uni<SiteActionResult> pending(SiteActor actor, String action, String subject) {
        LOG.infof("Key site: %s asked to %s (%s): not available yet", actor.username(), action, subject);
        return Uni.createFrom().item(SiteActionResult.notAvailableYet());
    }
}
