package org.caisse.keymanagement.domain.custody;

/** Why a key operation was refused (stable codes the site can map to messages). */
public enum RefusalReason {
    UNKNOWN_KEY,
    WRONG_STATUS,
    NOT_DOWNLOADED,
    ALREADY_DOWNLOADED,
    LAST_ACTIVE_KEY,
    OVERLAP_OUT_OF_RANGE,
    SAME_CUSTODIAN,
    UNKNOWN_APPROVAL,
    APPROVAL_NOT_PENDING,
    APPROVAL_EXPIRED
}
