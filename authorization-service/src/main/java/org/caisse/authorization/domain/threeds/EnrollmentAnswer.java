package org.caisse.authorization.domain.threeds;

/** The directory server's answer to "is this card enrolled in 3-D Secure?". */
public enum EnrollmentAnswer {
    /** Enrolled; the issuer's ACS wants to challenge the cardholder. */
    ENROLLED_CHALLENGE,
    /** Enrolled; the issuer authenticated the cardholder without a challenge (risk-based, 3-D Secure 2). */
    ENROLLED_FRICTIONLESS,
    /** The card is not enrolled: no authentication possible. */
    NOT_ENROLLED,
    /** The directory server did not answer (down, timeout, error). */
    DIRECTORY_UNAVAILABLE
}
