package org.caisse.keymanagement.application;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.caisse.keymanagement.application.port.out.KeyCustodyStore;
import org.caisse.keymanagement.application.port.out.KeyCustodyTransaction;
import org.caisse.keymanagement.domain.KeyVersion;
import org.caisse.keymanagement.domain.MerchantId;
import org.caisse.keymanagement.domain.MerchantKeyId;
import org.caisse.keymanagement.domain.custody.Actor;
import org.caisse.keymanagement.domain.custody.AuditAction;
import org.caisse.keymanagement.domain.custody.AuditEntry;
import org.caisse.keymanagement.domain.custody.Decision;
import org.caisse.keymanagement.domain.custody.RefusalReason;
import org.caisse.keymanagement.domain.custody.RevocationApproval;
import org.caisse.keymanagement.domain.custody.SealKeyVersion;

/**
 * Emergency revocation under dual control: a custodian asks (with a reason), another custodian approves within
 * {@link RevocationApproval#VALIDITY}; approval deactivates the version at once, even the merchant's last active one.
 */
@ApplicationScoped
public class KeyRevocationService {

    private final KeyCustodyStore store;
    private final KeyLifecycleService lifecycle;
    private final Clock clock;

    public KeyRevocationService(KeyCustodyStore store, KeyLifecycleService lifecycle, Clock clock) {
        this.store = store;
        this.lifecycle = lifecycle;
        this.clock = clock;
    }

    /** A pending revocation of a live version (not yet deactivated), waiting for a second custodian. */
    public Uni<Decision<RevocationApproval>> requestRevocation(MerchantId merchantId, KeyVersion version,
                                                               Actor custodianA, String reason) {
        return store.inTransaction(tx -> lifecycle.withRing(tx, merchantId, ring -> {
            Instant now = clock.instant();
            Decision<RevocationApproval> decision = ring.find(version)
                    .<Decision<SealKeyVersion>>map(Decision::accept)
                    .orElseGet(() -> Decision.refuse(RefusalReason.UNKNOWN_KEY,
                            "Merchant " + merchantId + " has no key version " + version))
                    .flatMap(found -> found.deactivate(now))   // only to check it can still be deactivated
                    .map(x -> RevocationApproval.request(UUID.randomUUID(), new MerchantKeyId(merchantId, version),
                            custodianA, reason, now, RevocationApproval.VALIDITY));
            return switch (decision) {
                case Decision.Accepted<RevocationApproval> accepted -> tx.insertRevocation(accepted.value())
                        .flatMap(x -> audit(tx, now, custodianA, AuditAction.REQUEST_REVOCATION,
                                AuditEntry.Outcome.ACCEPTED, merchantId, version, "approval " + accepted.value().id()
                                        + " pending until " + accepted.value().expiresAt() + "; reason: "
                                        + accepted.value().reason()))
                        .replaceWith(decision);
                case Decision.Refused<RevocationApproval> refusal -> audit(tx, now, custodianA,
                        AuditAction.REQUEST_REVOCATION, AuditEntry.Outcome.REFUSED, merchantId, version,
                        refusal.reason() + ": " + refusal.message()).replaceWith(decision);
            };
        }));
    }

    /** The second custodian approves: the version is deactivated at once (emergency: even the last active one). */
    /** The merchant's revocations waiting for their second custodian (expired ones excluded). */
    public Uni<List<RevocationApproval>> pendingRevocations(MerchantId merchantId) {
        return store.pendingRevocations(merchantId, clock.instant());
    }

    public Uni<Decision<SealKeyVersion>> approveRevocation(UUID approvalId, Actor custodianB) {
        return store.inTransaction(tx -> tx.findRevocationForUpdate(approvalId).flatMap(found -> {
            Instant now = clock.instant();
            if (found.isEmpty()) {
                return audit(tx, now, custodianB, AuditAction.APPROVE_REVOCATION, AuditEntry.Outcome.REFUSED, null,
                        null, RefusalReason.UNKNOWN_APPROVAL + ": no approval " + approvalId)
                        .replaceWith(Decision.refuse(RefusalReason.UNKNOWN_APPROVAL,
                                "No pending revocation " + approvalId));
            }
            RevocationApproval pending = found.get();
            MerchantId merchantId = pending.keyId().merchantId();
            KeyVersion version = pending.keyId().keyVersion();
            Decision<RevocationApproval> approval = pending.approve(custodianB, now);
            if (approval instanceof Decision.Refused<RevocationApproval> refusal) {
                Uni<Void> expire = refusal.reason() == RefusalReason.APPROVAL_EXPIRED
                        ? tx.updateRevocation(pending.expired()) : Uni.createFrom().voidItem();
                return expire.flatMap(x -> audit(tx, now, custodianB, AuditAction.APPROVE_REVOCATION,
                                AuditEntry.Outcome.REFUSED, merchantId, version,
                                refusal.reason() + ": " + refusal.message()))
                        .replaceWith(Decision.refuse(refusal.reason(), refusal.message()));
            }
            RevocationApproval approved = ((Decision.Accepted<RevocationApproval>) approval).value();
            return lifecycle.withRing(tx, merchantId, ring -> lifecycle.deactivateIn(tx, ring, version, custodianB,
                    now, true, AuditAction.APPROVE_REVOCATION, "emergency revocation " + approvalId
                            + " asked by " + pending.requestedBy() + ", approved; reason: " + pending.reason())
                    .flatMap(result -> result.isAccepted()
                            ? tx.updateRevocation(approved).replaceWith(result)
                            : Uni.createFrom().item(result)));
        }));
    }

    private static Uni<Void> audit(KeyCustodyTransaction tx, Instant now, Actor actor, AuditAction action,
                                   AuditEntry.Outcome outcome, MerchantId merchantId, KeyVersion version,
                                   String detail) {
        return tx.audit(AuditEntry.of(now, actor, action, outcome, merchantId, version, detail));
    }
}
