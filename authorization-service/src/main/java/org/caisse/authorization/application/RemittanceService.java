package org.caisse.authorization.application;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.caisse.authorization.application.port.out.TransactionStore;
import org.caisse.authorization.application.port.out.TransactionStore.DueQuery;
import org.caisse.authorization.application.port.out.TransitionWrite;
import org.caisse.authorization.domain.RemittanceAction;
import org.caisse.authorization.domain.RemittancePolicy;
import org.caisse.authorization.domain.Transaction;
import org.caisse.authorization.domain.TransitionOutcome;
import org.caisse.common.sips.TransactionStatus;
import org.jboss.logging.Logger;

/**
 * The remittance: captures due payments, authorizes deferred ones, sends pending credits and expires what can no
 * longer be captured, batch after batch, each batch one database transaction with its rows locked
 * ({@code SKIP LOCKED}: two replicas running at once share the work and never handle a row twice). Running it again
 * on the same day finds nothing more to do.
 */
@ApplicationScoped
public class RemittanceService {

    private static final Logger LOG = Logger.getLogger(RemittanceService.class);

    private final TransactionStore store;
    private final DeferredAuthorizations deferred;
    private final EngineSettings settings;
    private final RemittanceSettings remittance;
    private final Clock clock;

    public RemittanceService(TransactionStore store, DeferredAuthorizations deferred, EngineSettings settings,
                             RemittanceSettings remittance, Clock clock) {
        this.store = store;
        this.deferred = deferred;
        this.settings = settings;
        this.remittance = remittance;
        this.clock = clock;
    }

    /** Today in the engine's zone: the business date of a run started now. */
    public LocalDate today() {
        return LocalDate.now(clock.withZone(settings.zone()));
    }

    /** Runs the remittance of {@code businessDate} for one merchant, or for all when {@code merchantId} is null. */
    public Uni<RemittanceReport> run(String merchantId, LocalDate businessDate) {
        RemittancePolicy policy = new RemittancePolicy(remittance.authorizationValidityDays(),
                remittance.captureValidityDays());
        DueQuery query = new DueQuery(merchantId, businessDate, remittance.authorizationValidityDays(),
                remittance.captureValidityDays(), remittance.batchSize());
        AtomicReference<RemittanceReport> report = new AtomicReference<>(RemittanceReport.NONE);
        return Uni.createFrom().deferred(() -> store.remitDue(query, t -> apply(policy, businessDate, t, report)))
                .repeat().whilst(batch -> batch.locked() == query.limit() && batch.changed() > 0)
                .collect().last()
                .map(ignored -> {
                    RemittanceReport done = report.get();
                    LOG.infof("remittance %s for %s: %s", businessDate, merchantId == null ? "all merchants" : merchantId,
                            done);
                    return done;
                });
    }

    private Uni<Optional<TransitionWrite>> apply(RemittancePolicy policy, LocalDate businessDate, Transaction t,
                                                 AtomicReference<RemittanceReport> report) {
        RemittanceAction action = policy.decide(t, businessDate);
        OffsetDateTime now = OffsetDateTime.now(clock.withZone(settings.zone()));
        Uni<TransitionOutcome> outcome = switch (action) {
            case NONE -> Uni.createFrom().nullItem();
            case CAPTURE -> Uni.createFrom().item(t.capture(now));
            case REMIT_CREDIT -> Uni.createFrom().item(t.remitCredit(now));
            case EXPIRE -> Uni.createFrom().item(t.expire(now));
            case AUTHORIZE_DEFERRED -> deferred.authorize(t).map(result -> t.applyDeferredAuthorization(result, now));
        };
        return outcome.map(o -> {
            if (!(o instanceof TransitionOutcome.Accepted accepted)) {
                return Optional.empty();
            }
            Transaction after = accepted.transaction();
            report.updateAndGet(r -> r.plus(count(action, after)));
            return Optional.of(new TransitionWrite(after, accepted.operation(),
                    List.of(TransactionEvents.of(accepted.operation(), after, settings, clock.instant()))));
        });
    }

    private static RemittanceReport count(RemittanceAction action, Transaction after) {
        return switch (action) {
            case CAPTURE -> new RemittanceReport(1, 0, 0, 0, 0);
            case AUTHORIZE_DEFERRED -> after.status() == TransactionStatus.REFUSED
                    ? new RemittanceReport(0, 0, 0, 0, 1) : new RemittanceReport(0, 1, 0, 0, 0);
            case REMIT_CREDIT -> new RemittanceReport(0, 0, 1, 0, 0);
            case EXPIRE -> new RemittanceReport(0, 0, 0, 1, 0);
            case NONE -> RemittanceReport.NONE;
        };
    }
}
