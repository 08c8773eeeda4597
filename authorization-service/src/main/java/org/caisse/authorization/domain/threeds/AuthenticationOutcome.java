package org.caisse.authorization.domain.threeds;

/** How the cardholder's 3-D Secure challenge at the ACS ended (chosen by the tester on the simulated ACS page). */
public enum AuthenticationOutcome {
    /** The cardholder authenticated. */
    SUCCESS,
    /** The cardholder failed to authenticate. */
    FAILURE,
    /** The issuer could not authenticate but proves the attempt (attempts processing): liability shifts anyway. */
    ATTEMPT,
    /** The shopper left the challenge. */
    CANCELLED,
    /** The ACS failed technically; nothing is known about the cardholder. */
    ERROR
}
