package org.caisse.keymanagement.application.site;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.caisse.keymanagement.application.CseKeyService;
import org.caisse.keymanagement.application.DownloadedKey;
import org.caisse.keymanagement.application.KeyAuditService;
import org.caisse.keymanagement.application.KeyLifecycleService;
import org.caisse.keymanagement.application.KeyRevocationService;
import org.caisse.keymanagement.domain.KeyEnvironment;
import org.caisse.keymanagement.domain.KeyStatus;
import org.caisse.keymanagement.domain.MerchantId;
import org.caisse.keymanagement.domain.MerchantKeyId;
import org.caisse.keymanagement.domain.custody.Actor;
import org.caisse.keymanagement.domain.custody.ActorRole;
import org.caisse.keymanagement.domain.custody.Decision;
import org.caisse.keymanagement.domain.custody.RefusalReason;
import org.caisse.keymanagement.domain.custody.SealKeyVersion;
import org.jboss.logging.Logger;

/**
 * {@link KeySiteActions} on the key custody use cases. The site has checked the role and the merchant; the use cases
 * enforce the business rules and write the audit line, refusals included. A refusal becomes a message of the site's
 * bundle, never the use case's free text (a page never echoes stored or typed text as a notice).
 */
@ApplicationScoped
public class CustodyKeySiteActions implements KeySiteActions {

    private static final Logger LOG = Logger.getLogger(CustodyKeySiteActions.class);
    static final int AUDIT_LINES_SHOWN = 50;

    private final MerchantKeysQuery query;
    private final CseKeyService cseKeys;
    private final KeyLifecycleService lifecycle;
    private final KeyRevocationService revocations;
    private final KeyAuditService audit;

    public CustodyKeySiteActions(MerchantKeysQuery query, CseKeyService cseKeys, KeyLifecycleService lifecycle,
                                 KeyRevocationService revocations, KeyAuditService audit) {
        this.query = query;
        this.cseKeys = cseKeys;
        this.lifecycle = lifecycle;
        this.revocations = revocations;
        this.audit = audit;
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
        return lifecycle.requestNewKey(merchantId, environment, custodyActor(actor))
                .map(decision -> result(decision, "notice_key_requested",
                        version -> String.valueOf(version.keyVersion().value())));
    }

    @Override
    public Uni<SiteActionResult> activate(SiteActor actor, MerchantKeyId key) {
        return lifecycle.activate(key.merchantId(), key.keyVersion(), null, custodyActor(actor))
                .map(decision -> result(decision, "notice_key_activated",
                        version -> String.valueOf(version.keyVersion().value())));
    }

    @Override
    public Uni<SiteActionResult> deactivate(SiteActor actor, MerchantKeyId key) {
        return lifecycle.deactivate(key.merchantId(), key.keyVersion(), custodyActor(actor))
                .map(decision -> result(decision, "notice_key_deactivated",
                        version -> String.valueOf(version.keyVersion().value())));
    }

    @Override
    public Uni<KeyDownload> downloadOnce(SiteActor actor, MerchantKeyId key) {
        return lifecycle.downloadOnce(key.merchantId(), key.keyVersion(), custodyActor(actor)).map(decision -> {
            if (decision instanceof Decision.Accepted<DownloadedKey> accepted) {
                String fileName = "caisse-secret-key-" + key.merchantId().value() + "-v" + key.keyVersion().value()
                        + ".txt";
                return new KeyDownload.File(fileName, "text/plain; charset=UTF-8",
                        accepted.value().secret().reveal().getBytes(StandardCharsets.UTF_8));
            }
            return new KeyDownload.NoFile(refusal(((Decision.Refused<?>) decision).reason()));
        });
    }

    @Override
    public Uni<SiteActionResult> rotate(SiteActor actor, MerchantId merchantId, Duration overlap) {
        return lifecycle.listKeys(merchantId)
                .flatMap(versions -> lifecycle.rotate(merchantId, environmentToRotate(versions), overlap,
                        custodyActor(actor)))
                .map(decision -> result(decision, "notice_rotated",
                        version -> String.valueOf(version.keyVersion().value())));
    }

    @Override
    public Uni<SiteActionResult> requestEmergencyRevocation(SiteActor actor, MerchantKeyId key, String reason) {
        return revocations.requestRevocation(key.merchantId(), key.keyVersion(), custodyActor(actor), reason)
                .map(decision -> result(decision, "notice_revocation_requested", approval -> approval.id().toString()));
    }

    @Override
    public Uni<SiteActionResult> approveEmergencyRevocation(SiteActor actor, String requestId) {
        UUID id;
        try {
            id = UUID.fromString(requestId);
        } catch (IllegalArgumentException | NullPointerException e) {
            return Uni.createFrom().item(SiteActionResult.refused("notice_invalid_input"));
        }
        return revocations.approveRevocation(id, custodyActor(actor))
                .map(decision -> result(decision, "notice_revocation_approved",
                        version -> String.valueOf(version.keyVersion().value())));
    }

    @Override
    public Uni<SiteListing<RevocationRequest>> pendingRevocations(MerchantId merchantId) {
        return revocations.pendingRevocations(merchantId).map(pending -> SiteListing.of(pending.stream()
                .map(approval -> new RevocationRequest(approval.id().toString(), approval.keyId(),
                        approval.requestedBy(), approval.requestedAt(), approval.reason()))
                .toList()));
    }

    @Override
    public Uni<SiteListing<AuditEntry>> auditLog(MerchantId merchantId) {
        return audit.audit(Optional.of(merchantId), 0, AUDIT_LINES_SHOWN).map(page -> SiteListing.of(
                page.entries().stream()
                        .map(entry -> new AuditEntry(entry.occurredAt(), entry.actor().name(),
                                entry.action().name(), entry.outcome().name()
                                        + entry.keyVersion().map(v -> " v" + v.value()).orElse("")
                                        + (entry.detail().isEmpty() ? "" : ": " + entry.detail())))
                        .toList()));
    }

    /** Merchant users act as MERCHANT, staff as CUSTODIAN (the site lets only custodians act without a merchant). */
    static Actor custodyActor(SiteActor actor) {
        ActorRole role = actor.merchantId().isPresent() ? ActorRole.MERCHANT : ActorRole.CUSTODIAN;
        return new Actor(actor.username(), role, actor.origin());
    }

    /** A custodian's rotation renews the key the merchant uses: its active PRODUCTION key when it has one, else TEST. */
    static KeyEnvironment environmentToRotate(List<SealKeyVersion> versions) {
        return versions.stream().anyMatch(v -> v.status() == KeyStatus.ACTIVE
                && v.environment() == KeyEnvironment.PRODUCTION) ? KeyEnvironment.PRODUCTION : KeyEnvironment.TEST;
    }

    private static <T> SiteActionResult result(Decision<T> decision, String doneMessage,
                                               Function<T, String> reference) {
        return switch (decision) {
            case Decision.Accepted<T> accepted -> SiteActionResult.done(doneMessage, reference.apply(accepted.value()));
            case Decision.Refused<T> refused -> refusal(refused.reason());
        };
    }

    static SiteActionResult refusal(RefusalReason reason) {
        return SiteActionResult.refused(switch (reason) {
            case ALREADY_DOWNLOADED -> "notice_already_downloaded";
            case SAME_CUSTODIAN -> "notice_own_revocation_request";
            case OVERLAP_OUT_OF_RANGE -> "notice_overlap_out_of_range";
            case NOT_DOWNLOADED -> "notice_not_downloaded";
            case LAST_ACTIVE_KEY -> "notice_last_active_key";
            default -> "notice_refused";
        });
    }
}
