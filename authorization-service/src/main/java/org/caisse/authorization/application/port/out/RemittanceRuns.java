package org.caisse.authorization.application.port.out;

import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.time.LocalDate;
import org.caisse.authorization.application.RemittanceReport;

/** The daily runs of the remittance and the lease that keeps each to one replica at a time. */
public interface RemittanceRuns {

    /**
     * Takes (or renews) the lease on the run of {@code businessDate} for {@code holder}.
     *
     * @return false when the run is finished or another replica holds an unexpired lease
     */
    Uni<Boolean> tryLease(LocalDate businessDate, String holder, Duration lease);

    /** Records the run as finished with what it did; only the lease holder can. */
    Uni<Void> finish(LocalDate businessDate, String holder, RemittanceReport report);
}
