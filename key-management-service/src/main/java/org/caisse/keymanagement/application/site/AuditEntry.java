package org.caisse.keymanagement.application.site;

import java.time.Instant;

/** One line of a merchant's key audit log as the custodian pages show it. */
public record AuditEntry(Instant at, String actor, String action, String detail) {
}
