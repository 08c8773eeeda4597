package org.caisse.keymanagement.domain.custody;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.caisse.keymanagement.domain.MerchantKeyId;

/**
 * An emergency revocation waiting for its second custodian (dual control): asked by one custodian with a reason,
 * carried out only when another custodian approves it before it expires.
 */
public record RevocationApproval(UUID id, MerchantKeyId keyId, String requestedBy, String reason,
                                 Instant requestedAt, Instant expiresAt, Status status,
                                 Optional<String> approvedBy, Optional<Instant> approvedAt) {

    /** How long a request waits for its approval. */
    public static final Duration VALIDITY = Duration.ofHours(1);

    public enum Status { PENDING, APPROVED, EXPIRED }

    public RevocationApproval {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(requestedBy, "requestedBy");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(requestedAt, "requestedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(approvedBy, "approvedBy");
        Objects.requireNonNull(approvedAt, "approvedAt");
    }

    public static RevocationApproval request(UUID id, MerchantKeyId keyId, Actor custodian, String reason,
                                             Instant now, Duration validity) {
        String why = reason == null || reason.isBlank() ? "(no reason given)" : reason.strip();
        return new RevocationApproval(id, keyId, custodian.name(), why.length() > 500 ? why.substring(0, 500) : why,
                now, now.plus(validity), Status.PENDING, Optional.empty(), Optional.empty());
    }

    /** The second custodian's approval: another person, while pending and before expiry. */
    public Decision<RevocationApproval> approve(Actor custodian, Instant now) {
        if (status != Status.PENDING) {
            return Decision.refuse(RefusalReason.APPROVAL_NOT_PENDING, "This revocation is already " + status);
        }
        if (!now.isBefore(expiresAt)) {
            return Decision.refuse(RefusalReason.APPROVAL_EXPIRED, "This revocation request expired at " + expiresAt);
        }
        if (custodian.name().equalsIgnoreCase(requestedBy)) {
            return Decision.refuse(RefusalReason.SAME_CUSTODIAN,
                    "Dual control: the custodian who asked for the revocation cannot approve it");
        }
        return Decision.accept(new RevocationApproval(id, keyId, requestedBy, reason, requestedAt, expiresAt,
                Status.APPROVED, Optional.of(custodian.name()), Optional.of(now)));
    }

    public RevocationApproval expired() {
        return new RevocationApproval(id, keyId, requestedBy, reason, requestedAt, expiresAt, Status.EXPIRED,
                approvedBy, approvedAt);
    }
}
