package org.caisse.authorization.domain.threeds;

import static org.assertj.core.api.Assertions.assertThat;

import org.caisse.common.sips.ResponseCode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class ThreeDSecurePolicyTest {

    static ThreeDSecureStep proceed(HolderAuthentStatus status, GuaranteeIndicator guarantee) {
        return new ThreeDSecureStep.Proceed(new HolderAuthentication(status, guarantee));
    }

    static ThreeDSecureStep refuse(ResponseCode code, HolderAuthentStatus status, GuaranteeIndicator guarantee) {
        return new ThreeDSecureStep.Refuse(code, new HolderAuthentication(status, guarantee));
    }

    /** The README table, row by row: enrollment answer, 3-D Secure not mandatory. */
    @Test
    void enrollmentAnswersWhen3DSecureIsNotMandatory() {
        assertThat(ThreeDSecurePolicy.afterEnrollment(EnrollmentAnswer.ENROLLED_CHALLENGE, false))
                .isEqualTo(new ThreeDSecureStep.Challenge());
        assertThat(ThreeDSecurePolicy.afterEnrollment(EnrollmentAnswer.ENROLLED_FRICTIONLESS, false))
                .isEqualTo(proceed(HolderAuthentStatus.SUCCESS, GuaranteeIndicator.Y));
        assertThat(ThreeDSecurePolicy.afterEnrollment(EnrollmentAnswer.NOT_ENROLLED, false))
                .isEqualTo(proceed(HolderAuthentStatus.NOT_ENROLLED, GuaranteeIndicator.N));
        assertThat(ThreeDSecurePolicy.afterEnrollment(EnrollmentAnswer.DIRECTORY_UNAVAILABLE, false))
                .isEqualTo(proceed(HolderAuthentStatus.ERROR, GuaranteeIndicator.U));
    }

    @Test
    void enrollmentAnswersWhen3DSecureIsMandatoryRefuseWithoutALiabilityShift() {
        assertThat(ThreeDSecurePolicy.afterEnrollment(EnrollmentAnswer.ENROLLED_CHALLENGE, true))
                .isEqualTo(new ThreeDSecureStep.Challenge());
        assertThat(ThreeDSecurePolicy.afterEnrollment(EnrollmentAnswer.ENROLLED_FRICTIONLESS, true))
                .isEqualTo(proceed(HolderAuthentStatus.SUCCESS, GuaranteeIndicator.Y));
        assertThat(ThreeDSecurePolicy.afterEnrollment(EnrollmentAnswer.NOT_ENROLLED, true))
                .isEqualTo(refuse(ResponseCode.SECURITY_RULES_NOT_MET, HolderAuthentStatus.NOT_ENROLLED,
                        GuaranteeIndicator.N));
        assertThat(ThreeDSecurePolicy.afterEnrollment(EnrollmentAnswer.DIRECTORY_UNAVAILABLE, true))
                .isEqualTo(refuse(ResponseCode.SECURITY_RULES_NOT_MET, HolderAuthentStatus.ERROR,
                        GuaranteeIndicator.U));
    }

    @ParameterizedTest(name = "{0}, mandatory={1} → {2} {3} {4}")
    @CsvSource({
            "SUCCESS,   false, PROCEED, SUCCESS, Y, ",
            "SUCCESS,   true,  PROCEED, SUCCESS, Y, ",
            "ATTEMPT,   false, PROCEED, ATTEMPT, Y, ",
            "ATTEMPT,   true,  PROCEED, ATTEMPT, Y, ",
            "FAILURE,   false, REFUSE,  FAILURE, N, 05",
            "FAILURE,   true,  REFUSE,  FAILURE, N, 05",
            "CANCELLED, false, REFUSE,  CANCEL,  N, 17",
            "CANCELLED, true,  REFUSE,  CANCEL,  N, 17",
            "ERROR,     false, PROCEED, ERROR,   U, ",
            "ERROR,     true,  REFUSE,  ERROR,   U, 63"})
    void authenticationOutcomes(AuthenticationOutcome outcome, boolean mandatory, String step,
                                HolderAuthentStatus status, GuaranteeIndicator guarantee, String code) {
        ThreeDSecureStep expected = step.equals("PROCEED") ? proceed(status, guarantee)
                : refuse(ResponseCode.fromCode(code).orElseThrow(), status, guarantee);
        assertThat(ThreeDSecurePolicy.afterAuthentication(outcome, mandatory)).isEqualTo(expected);
    }

    @ParameterizedTest
    @EnumSource(AuthenticationOutcome.class)
    void anAuthenticationNeverAsksForAnotherChallengeAndOnlyProceedsWithKnownFields(AuthenticationOutcome outcome) {
        for (boolean mandatory : new boolean[] {false, true}) {
            ThreeDSecureStep step = ThreeDSecurePolicy.afterAuthentication(outcome, mandatory);
            assertThat(step).isNotInstanceOf(ThreeDSecureStep.Challenge.class);
            if (mandatory && step instanceof ThreeDSecureStep.Proceed proceed) {
                assertThat(proceed.authentication().liabilityShifted()).isTrue();
            }
        }
    }

    @Test
    void aPaymentWithout3DSecureSaysSoWithoutALiabilityShift() {
        assertThat(ThreeDSecurePolicy.notRun())
                .isEqualTo(new HolderAuthentication(HolderAuthentStatus.NO_AUTHENT, GuaranteeIndicator.N));
        assertThat(ThreeDSecurePolicy.notRun().status().wire()).isEqualTo("NO_AUTHENT");
        assertThat(GuaranteeIndicator.U.wire()).isEqualTo("U");
    }

    @Test
    void onlyTheInternetAndInAppChannelsCanChallenge() {
        assertThat(ThreeDSecurePolicy.channelCanChallenge("INTERNET")).isTrue();
        assertThat(ThreeDSecurePolicy.channelCanChallenge("INAPP")).isTrue();
        assertThat(ThreeDSecurePolicy.channelCanChallenge("MOTO")).isFalse();
        assertThat(ThreeDSecurePolicy.channelCanChallenge("MAIL_ORDER")).isFalse();
        assertThat(ThreeDSecurePolicy.channelCanChallenge("TELEPHONE_ORDER")).isFalse();
        assertThat(ThreeDSecurePolicy.channelCanChallenge(null)).isFalse();
    }
}
