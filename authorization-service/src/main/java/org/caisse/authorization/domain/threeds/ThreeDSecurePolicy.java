package org.caisse.authorization.domain.threeds;

import java.util.Set;
import org.caisse.common.sips.ResponseCode;

/**
 * Turns the directory server's answer and the cardholder's authentication into Sips fields and a next step.
 *
 * <p>Liability shift ({@code guaranteeIndicator}): {@code Y} when the cardholder was authenticated (challenge or
 * frictionless) or the issuer proved the attempt; {@code N} when the card is not enrolled, 3-D Secure was not run,
 * or the authentication failed or was cancelled; {@code U} when it could not be completed for a technical reason
 * (directory server unavailable, ACS error).
 *
 * <p>A failed authentication is refused with {@code 05} and a cancelled one with {@code 17} (cancelled by the
 * customer), without asking the acquirer. When 3-D Secure is mandatory (the merchant's
 * {@code forceThreeDSecureAbove} rule fired), every other outcome without a liability shift is refused with
 * {@code 63} (security rules not met); otherwise the payment goes on without the shift.
 */
public final class ThreeDSecurePolicy {

    /** Order channels on which a shopper can be sent to the ACS. */
    private static final Set<String> CHALLENGE_CHANNELS = Set.of("INTERNET", "INAPP");

    private ThreeDSecurePolicy() {
    }

    /**
     * Whether an {@code orderChannel} can run a 3-D Secure challenge. The entry matters too: a server-to-server
     * request has no shopper to send to the ACS whatever its channel.
     */
    public static boolean channelCanChallenge(String orderChannel) {
        return orderChannel != null && CHALLENGE_CHANNELS.contains(orderChannel);
    }

    /** What to do once the directory server answered; {@code mandatory} from the fraud decision. */
    public static ThreeDSecureStep afterEnrollment(EnrollmentAnswer answer, boolean mandatory) {
        return switch (answer) {
            case ENROLLED_CHALLENGE -> new ThreeDSecureStep.Challenge();
            case ENROLLED_FRICTIONLESS -> proceedOrRefuse(HolderAuthentStatus.SUCCESS, GuaranteeIndicator.Y, mandatory);
            case NOT_ENROLLED -> proceedOrRefuse(HolderAuthentStatus.NOT_ENROLLED, GuaranteeIndicator.N, mandatory);
            case DIRECTORY_UNAVAILABLE -> proceedOrRefuse(HolderAuthentStatus.ERROR, GuaranteeIndicator.U, mandatory);
        };
    }

    /** What to do once the shopper came back from the ACS challenge; never another challenge. */
    public static ThreeDSecureStep afterAuthentication(AuthenticationOutcome outcome, boolean mandatory) {
        return switch (outcome) {
            case SUCCESS -> proceedOrRefuse(HolderAuthentStatus.SUCCESS, GuaranteeIndicator.Y, mandatory);
            case ATTEMPT -> proceedOrRefuse(HolderAuthentStatus.ATTEMPT, GuaranteeIndicator.Y, mandatory);
            case FAILURE -> new ThreeDSecureStep.Refuse(ResponseCode.REFUSED,
                    new HolderAuthentication(HolderAuthentStatus.FAILURE, GuaranteeIndicator.N));
            case CANCELLED -> new ThreeDSecureStep.Refuse(ResponseCode.CANCELLED_BY_CUSTOMER,
                    new HolderAuthentication(HolderAuthentStatus.CANCEL, GuaranteeIndicator.N));
            case ERROR -> proceedOrRefuse(HolderAuthentStatus.ERROR, GuaranteeIndicator.U, mandatory);
        };
    }

    /**
     * The fields of a payment on which 3-D Secure is not run because its channel or entry cannot; the fraud rules
     * have already refused it when 3-D Secure was mandatory.
     */
    public static HolderAuthentication notRun() {
        return new HolderAuthentication(HolderAuthentStatus.NO_AUTHENT, GuaranteeIndicator.N);
    }

    private static ThreeDSecureStep proceedOrRefuse(HolderAuthentStatus status, GuaranteeIndicator guarantee,
                                                    boolean mandatory) {
        HolderAuthentication authentication = new HolderAuthentication(status, guarantee);
        if (mandatory && !authentication.liabilityShifted()) {
            return new ThreeDSecureStep.Refuse(ResponseCode.SECURITY_RULES_NOT_MET, authentication);
        }
        return new ThreeDSecureStep.Proceed(authentication);
    }
}
