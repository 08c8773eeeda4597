package org.caisse.authorization.domain.threeds;

/** Sips {@code guaranteeIndicator}: whether the liability for a fraudulent payment shifts to the issuer. */
public enum GuaranteeIndicator {
    /** Shifted: the cardholder was authenticated, or the issuer proved the attempt. */
    Y,
    /** Not shifted: no authentication, or it failed. */
    N,
    /** Unknown: authentication could not be completed for a technical reason. */
    U;

    /** The value on the wire. */
    public String wire() {
        return name();
    }
}
