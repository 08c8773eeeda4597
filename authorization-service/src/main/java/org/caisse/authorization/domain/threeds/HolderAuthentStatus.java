package org.caisse.authorization.domain.threeds;

/** The Sips {@code holderAuthentStatus} values the engine sets on a transaction (SIPS.md §2a). */
public enum HolderAuthentStatus {
    SUCCESS,
    FAILURE,
    ATTEMPT,
    CANCEL,
    ERROR,
    NOT_ENROLLED,
    /** 3-D Secure was not run: the channel cannot (mail order, telephone order, MOTO, server-to-server). */
    NO_AUTHENT,
    /** Nothing known (transactions authorized before 3-D Secure existed). */
    NOT_SPECIFIED;

    /** The value on the wire. */
    public String wire() {
        return name();
    }
}
