package org.caisse.authorization.application.port.out;

import io.smallrye.mutiny.Uni;
import org.caisse.authorization.domain.threeds.EnrollmentAnswer;
import org.caisse.common.money.Money;

/**
 * Asks the 3-D Secure directory server whether a card is enrolled (the simulated one in TEST mode). A directory
 * server that cannot be reached is answered {@link EnrollmentAnswer#DIRECTORY_UNAVAILABLE}, not a failed Uni.
 */
public interface DirectoryServerPort {

    /** @param pan the clear card number, in memory only: never logged nor kept by an implementation */
    Uni<EnrollmentAnswer> checkEnrollment(String merchantId, String pan, Money amount);
}
