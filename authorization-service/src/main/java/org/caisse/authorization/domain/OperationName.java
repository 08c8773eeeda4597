package org.caisse.authorization.domain;

/** Names of the operations recorded on a transaction (Sips {@code lastOperationName}). */
public enum OperationName {
    /** The first authorization of a payment (card, token, wallet or encrypted card). */
    AUTHORIZATION,
    /** The first authorization of a payment made from an earlier transaction's card. */
    DUPLICATE,
    /** The authorization asked by the remittance run for a payment whose capture was beyond the authorization validity. */
    DEFERRED_AUTHORIZATION,
    /** The merchant forcing a referral with the authorization number the issuer gave by phone. */
    REFERRAL_FORCING,
    VALIDATION,
    CANCEL,
    /** The remittance run sending a payment to the acquirer. */
    CAPTURE,
    REFUND,
    /** A credit to a card without an earlier payment (Sips credit holder). */
    CREDIT_HOLDER,
    /** The remittance run sending credits (refunds or credit holder) to the acquirer. */
    CREDIT_REMITTANCE,
    /** The remittance run closing a payment the merchant never validated or that could no longer be captured. */
    EXPIRY
}
