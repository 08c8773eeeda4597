package org.caisse.authorization.domain.threeds;

import java.util.Objects;
import org.caisse.common.sips.ResponseCode;

/** What the engine does next in a 3-D Secure flow. */
public sealed interface ThreeDSecureStep {

    /** The shopper must authenticate at the issuer's ACS; the result comes back as an {@link AuthenticationOutcome}. */
    record Challenge() implements ThreeDSecureStep {
    }

    /** Ask the acquirer for the authorization; the transaction carries {@code authentication}. */
    record Proceed(HolderAuthentication authentication) implements ThreeDSecureStep {
        public Proceed {
            Objects.requireNonNull(authentication, "authentication");
        }
    }

    /**
     * Do not ask the acquirer: the transaction is refused with {@code responseCode} and carries {@code authentication}.
     */
    record Refuse(ResponseCode responseCode, HolderAuthentication authentication) implements ThreeDSecureStep {
        public Refuse {
            Objects.requireNonNull(responseCode, "responseCode");
            Objects.requireNonNull(authentication, "authentication");
        }
    }
}
