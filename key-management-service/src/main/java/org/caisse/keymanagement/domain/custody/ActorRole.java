package org.caisse.keymanagement.domain.custody;

/** The kinds of actor the audit log tells apart. Permissions per role are enforced by the calling adapter. */
public enum ActorRole {
    MERCHANT,
    SUPPORT,
    CUSTODIAN,
    OPERATOR,
    SERVICE,
    SYSTEM
}
