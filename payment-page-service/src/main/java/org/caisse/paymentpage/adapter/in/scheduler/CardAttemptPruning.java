package org.caisse.paymentpage.adapter.in.scheduler;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.caisse.paymentpage.application.CardAttemptLimiter;
import org.jboss.logging.Logger;

/** Deletes card attempt rows that no limit counts any more. */
@ApplicationScoped
public class CardAttemptPruning {

    private static final Logger LOG = Logger.getLogger(CardAttemptPruning.class);

    private final CardAttemptLimiter limiter;

    public CardAttemptPruning(CardAttemptLimiter limiter) {
        this.limiter = limiter;
    }

    @Scheduled(every = "${caisse.page.card-attempts.prune-every:10m}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> prune() {
        return limiter.prune()
                .invoke(count -> LOG.debugf("Pruned %d card attempt rows", count))
                .onFailure().invoke(e -> LOG.warnf("Pruning card attempts failed (%s)", e.getClass().getSimpleName()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }
}
