package org.caisse.paymentpage.domain;

/** Where a payment request stands. */
public enum PaymentStatus {
    /** Waiting for the shopper's card. */
    PENDING,
    /** An authorization-service call is under way (authorization, or completion of a 3-D Secure authentication); nothing else may start. */
    AUTHORIZING,
    /** authorization-service asked for a 3-D Secure challenge (60): waiting for the shopper at the ACS step. */
    AUTHENTICATING,
    /** Finished (authorized, refused, cancelled or expired): the snapshot tells the outcome. */
    COMPLETED
}
