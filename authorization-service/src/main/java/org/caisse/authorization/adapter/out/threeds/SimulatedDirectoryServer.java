package org.caisse.authorization.adapter.out.threeds;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.caisse.authorization.adapter.out.testcard.TestCardScenario;
import org.caisse.authorization.application.port.out.DirectoryServerPort;
import org.caisse.authorization.domain.threeds.EnrollmentAnswer;
import org.caisse.common.card.Luhn;
import org.caisse.common.money.Money;

/**
 * The 3-D Secure directory server of TEST mode; never reaches a real one. A Sips test card answers its scenario
 * (digits 7-8, {@link TestCardScenario}); any other number is enrolled with a challenge when it passes Luhn, like
 * most cards issued today, and not enrolled otherwise (no directory knows it; the acquirer then refuses it with 14,
 * so the shopper is not challenged for a mistyped number).
 */
@ApplicationScoped
public class SimulatedDirectoryServer implements DirectoryServerPort {

    @Override
    public Uni<EnrollmentAnswer> checkEnrollment(String merchantId, String pan, Money amount) {
        return Uni.createFrom().item(() -> enrollment(pan));
    }

    static EnrollmentAnswer enrollment(String pan) {
        return TestCardScenario.of(pan).map(TestCardScenario::enrollment)
                .orElseGet(() -> pan != null && Luhn.isValid(pan)
                        ? EnrollmentAnswer.ENROLLED_CHALLENGE : EnrollmentAnswer.NOT_ENROLLED);
    }
}
