package org.caisse.authorization.domain;

/** What the remittance run does with one transaction on a business date. */
public enum RemittanceAction {
    NONE,
    CAPTURE,
    AUTHORIZE_DEFERRED,
    REMIT_CREDIT,
    EXPIRE
}
