package org.caisse.authorization.application;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.caisse.authorization.application.port.out.OperationWrite;
import org.caisse.authorization.application.port.out.TransactionStore;
import org.caisse.authorization.domain.OperationName;
import org.caisse.authorization.domain.OperationRecord;
import org.caisse.authorization.domain.ResponseCodes;
import org.caisse.authorization.domain.Transaction;
import org.caisse.authorization.domain.TransitionOutcome;
import org.caisse.common.money.Money;
import org.caisse.common.sips.ResponseCode;
import org.jboss.logging.Logger;

/** Cash operations on an existing transaction (cancel for now), idempotent by operationId. */
@ApplicationScoped
public class TransactionOperationsService {

    private static final Logger LOG = Logger.getLogger(TransactionOperationsService.class);

    private final TransactionStore store;
    private final EngineSettings settings;
    private final Clock clock;
    private final ObjectMapper json;

    public TransactionOperationsService(TransactionStore store, EngineSettings settings, Clock clock,
                                        ObjectMapper json) {
        this.store = store;
        this.settings = settings;
        this.clock = clock;
        this.json = json;
    }

    /**
     * Cancels all or part of a transaction.
     *
     * @return the answer JSON {@code {responseCode, newAmount, newStatus, operationDateTime, transaction}}; the
     *     first answer again, byte for byte, when the operationId was already used
     */
    public Uni<String> cancel(CancelCommand command) {
        return store.runOperation(command.merchantId(), command.transactionReference(), command.operationId(),
                found -> decideCancel(command, found));
    }

    private OperationWrite decideCancel(CancelCommand command, Optional<Transaction> found) {
        OffsetDateTime now = OffsetDateTime.now(clock.withZone(settings.zone()));
        if (found.isEmpty()) {
            return OperationWrite.answerOnly(answer(ResponseCodes.UNKNOWN_TRANSACTION, null, now));
        }
        Transaction transaction = found.get();
        Money requested = new Money(command.amount(), command.currency());
        TransitionOutcome outcome = transaction.cancel(requested, now);
        return switch (outcome) {
            case TransitionOutcome.Accepted accepted -> {
                Transaction cancelled = accepted.transaction();
                Map<String, Object> snapshot = TransactionSnapshots.of(cancelled, settings.zone());
                var event = TransactionEvents.event(TransactionEvents.CANCELLED, cancelled, snapshot, settings,
                        clock.instant());
                LOG.infof("cancel %s of %d: %s, remaining %d", cancelled.key(), command.amount(), cancelled.status(),
                        cancelled.currentAmount().minorUnits());
                yield new OperationWrite(answer(ResponseCodes.ACCEPTED, cancelled, now), Optional.of(cancelled),
                        accepted.operation(), command.operationOrigin(), Optional.of(event));
            }
            case TransitionOutcome.Refused refused -> {
                LOG.infof("cancel %s of %d refused: %s", transaction.key(), command.amount(),
                        refused.responseCode().code());
                OperationRecord attempt = new OperationRecord(OperationName.CANCEL, requested, now,
                        refused.responseCode());
                yield new OperationWrite(answer(refused.responseCode(), transaction, now), Optional.empty(), attempt,
                        command.operationOrigin(), Optional.empty());
            }
        };
    }

    private String answer(ResponseCode code, Transaction transaction, OffsetDateTime now) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("responseCode", code.code());
        if (transaction != null) {
            answer.put("newAmount", transaction.currentAmount().minorUnits());
            answer.put("newStatus", transaction.status().name());
        }
        answer.put("operationDateTime", TransactionSnapshots.formatDateTime(now, settings.zone()));
        if (transaction != null) {
            answer.put("transaction", TransactionSnapshots.of(transaction, settings.zone()));
        }
        try {
            return json.writeValueAsString(answer);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a cancel answer", e);
        }
    }
}
