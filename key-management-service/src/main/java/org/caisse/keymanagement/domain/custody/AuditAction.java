package org.caisse.keymanagement.domain.custody;

/** The audited key operations. */
public enum AuditAction {
    REQUEST_KEY,
    DOWNLOAD_KEY,
    ACTIVATE_KEY,
    ROTATE_KEY,
    DEACTIVATE_KEY,
    DESTROY_KEY,
    REQUEST_REVOCATION,
    APPROVE_REVOCATION,
    ROTATE_CSE_KEY,
    REWRAP_KEK,
    LIST_KEYS
}
