package org.caisse.paymentpage.domain;

/** Where a payment request stands. */
public enum PaymentStatus {
    /** Waiting for the shopper's card. */
    PENDING,
    /** The authorization call is under way; nothing else may start. */
    AUTHORIZING,
    /** Finished (authorized, refused, cancelled or expired): the snapshot tells the outcome. */
    COMPLETED
}
