package org.caisse.officeserver.application.transaction;

import java.time.Duration;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import org.caisse.common.event.EventEnvelope;
import org.caisse.common.event.EventEnvelopeCodec;
import org.caisse.officeserver.application.port.out.TransactionReadModel;
import org.caisse.officeserver.domain.transaction.TransactionEventReader;
import org.caisse.officeserver.domain.transaction.TransactionState;
import org.jboss.logging.Logger;

/**
 * Projects the transaction events into the read model. A record that is not a readable transaction event is logged
 * (offset and reason only, never its content) and skipped; a storage failure is retried in place with a growing
 * back-off, so no event is lost and the records behind it wait.
 */
@ApplicationScoped
public class TransactionEventsProjector {

    private static final Logger LOG = Logger.getLogger(TransactionEventsProjector.class);

    /** What became of one record. */
    public enum Outcome { STORED, ALREADY_NEWER, SKIPPED }

    private final TransactionReadModel readModel;

    public TransactionEventsProjector(TransactionReadModel readModel) {
        this.readModel = readModel;
    }

    public Uni<Outcome> onRecord(byte[] value, String where) {
        Optional<TransactionState> state;
        try {
            EventEnvelope event = EventEnvelopeCodec.fromJson(value);
            StringBuilder reason = new StringBuilder();
            state = TransactionEventReader.read(event, reason);
            if (state.isEmpty()) {
                LOG.warnf("Skipped transaction record %s: not a transaction event with a usable snapshot (%s)", where,
                        reason);
                return Uni.createFrom().item(Outcome.SKIPPED);
            }
        } catch (RuntimeException unreadable) {
            LOG.warnf("Skipped transaction record %s: unreadable (%s)", where, unreadable.getClass().getSimpleName());
            return Uni.createFrom().item(Outcome.SKIPPED);
        }
        return readModel.apply(state.get())
                .onFailure().invoke(failure -> LOG.warnf("Storing transaction record %s failed (%s); retrying", where,
                        failure.getClass().getSimpleName()))
                .onFailure().retry().withBackOff(Duration.ofSeconds(1), Duration.ofSeconds(30)).indefinitely()
                .map(written -> written ? Outcome.STORED : Outcome.ALREADY_NEWER);
    }
}
