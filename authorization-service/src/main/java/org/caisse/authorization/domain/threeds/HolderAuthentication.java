package org.caisse.authorization.domain.threeds;

import java.util.Objects;

/**
 * The 3-D Secure fields a transaction carries.
 *
 * @param status    Sips {@code holderAuthentStatus}
 * @param guarantee Sips {@code guaranteeIndicator}
 */
public record HolderAuthentication(HolderAuthentStatus status, GuaranteeIndicator guarantee) {

    public HolderAuthentication {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(guarantee, "guarantee");
    }

    /** Whether the liability shifts to the issuer ({@code guaranteeIndicator} Y). */
    public boolean liabilityShifted() {
        return guarantee == GuaranteeIndicator.Y;
    }
}
