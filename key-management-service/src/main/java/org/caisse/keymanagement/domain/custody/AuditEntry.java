package org.caisse.keymanagement.domain.custody;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.caisse.keymanagement.domain.KeyVersion;
import org.caisse.keymanagement.domain.MerchantId;

/**
 * One line of the key audit log: who did what, when, from where, with which outcome, on which key. Never any key
 * material (the detail is a refusal reason or a short description).
 */
public record AuditEntry(Optional<Long> sequence, Instant occurredAt, Actor actor, AuditAction action,
                         Outcome outcome, Optional<MerchantId> merchantId, Optional<KeyVersion> keyVersion,
                         Optional<String> kid, String detail) {

    public enum Outcome { ACCEPTED, REFUSED }

    public AuditEntry {
        Objects.requireNonNull(sequence, "sequence");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(merchantId, "merchantId");
        Objects.requireNonNull(keyVersion, "keyVersion");
        Objects.requireNonNull(kid, "kid");
        detail = detail == null ? "" : (detail.length() > 1000 ? detail.substring(0, 1000) : detail);
    }

    public static AuditEntry of(Instant now, Actor actor, AuditAction action, Outcome outcome, MerchantId merchantId,
                                KeyVersion versionOrNull, String detail) {
        return new AuditEntry(Optional.empty(), now, actor, action, outcome, Optional.ofNullable(merchantId),
                Optional.ofNullable(versionOrNull), Optional.empty(), detail);
    }

    public static AuditEntry ofCse(Instant now, Actor actor, AuditAction action, Outcome outcome,
                                   MerchantId merchantId, String kidOrNull, String detail) {
        return new AuditEntry(Optional.empty(), now, actor, action, outcome, Optional.of(merchantId),
                Optional.empty(), Optional.ofNullable(kidOrNull), detail);
    }
}
