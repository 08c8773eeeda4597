package org.caisse.authorization.application;

/** The operations a merchant (or a batch file) asks on an existing transaction. */
public enum CashOperation {
    VALIDATE,
    CANCEL,
    REFUND,
    /** Forcing a referral with the authorization number the issuer gave by phone. */
    FORCE_REFERRAL
}
