package org.caisse.authorization.application;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.caisse.authorization.application.port.out.OperationWrite;
import org.caisse.authorization.application.port.out.OutboxEvent;
import org.caisse.authorization.application.port.out.TransactionStore;
import org.caisse.authorization.application.port.out.TransactionStore.OperationAnswer;
import org.caisse.authorization.application.port.out.TransactionStore.OperationKey;
import org.caisse.authorization.domain.OperationName;
import org.caisse.authorization.domain.OperationRecord;
import org.caisse.authorization.domain.ResponseCodes;
import org.caisse.authorization.domain.Transaction;
import org.caisse.authorization.domain.TransitionOutcome;
import org.caisse.common.money.Money;
import org.caisse.common.sips.ResponseCode;
import org.jboss.logging.Logger;

/**
 * Cash operations on an existing transaction (validate, cancel, refund, referral forcing), idempotent by operationId
 * (and by commandId for Kafka commands). The transaction row is locked while the domain decides, so concurrent
 * operations on one transaction are serialized and the money invariants hold.
 */
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
     * @return the answer JSON {@code {responseCode, newAmount, newStatus, operationDateTime, authorisationId?,
     *     captureLimitDate?, transaction}}; the first answer again, byte for byte, for a replayed request
     */
    public Uni<OperationAnswer> operate(OperationCommand command) {
        OperationKey key = new OperationKey(command.merchantId(), command.transactionReference(),
                command.operationId(), command.commandId());
        return store.runOperation(key, found -> decide(command, found));
    }

    /**
     * Answers a Kafka command whose field {@code field} is invalid: result {@code 30} with {@code errorFieldName},
     * nothing else changes; deduplicated by {@code commandId} like any command.
     */
    public Uni<OperationAnswer> rejectCommand(String commandId, String merchantId, String transactionReference,
                                              String operation, String field) {
        OperationKey key = new OperationKey(merchantId, transactionReference, null, commandId);
        return store.runOperation(key, ignored -> {
            OffsetDateTime now = OffsetDateTime.now(clock.withZone(settings.zone()));
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("responseCode", "30");
            answer.put("errorFieldName", field);
            answer.put("operationDateTime", TransactionSnapshots.formatDateTime(now, settings.zone()));
            OutboxEvent result = OperationResults.event(commandId, operation, merchantId, transactionReference, answer,
                    settings, clock.instant());
            return new OperationWrite(write(answer), Optional.empty(), null, null, List.of(result));
        });
    }

    private OperationWrite decide(OperationCommand command, Optional<Transaction> found) {
        OffsetDateTime now = OffsetDateTime.now(clock.withZone(settings.zone()));
        List<OutboxEvent> events = new ArrayList<>();
        if (found.isEmpty()) {
            Map<String, Object> answer = answer(ResponseCodes.UNKNOWN_TRANSACTION, null, now);
            addResult(command, answer, events);
            return new OperationWrite(write(answer), Optional.empty(), null, command.operationOrigin(), events);
        }
        Transaction transaction = found.get();
        TransitionOutcome outcome = apply(command, transaction, now);
        return switch (outcome) {
            case TransitionOutcome.Accepted accepted -> {
                Transaction after = accepted.transaction();
                events.add(TransactionEvents.of(accepted.operation(), after, settings, clock.instant()));
                Map<String, Object> answer = answer(ResponseCodes.ACCEPTED, after, now);
                addResult(command, answer, events);
                LOG.infof("%s %s: %s, current amount %d", command.operation(), after.key(), after.status(),
                        after.currentAmount().minorUnits());
                yield new OperationWrite(write(answer), Optional.of(after), accepted.operation(),
                        command.operationOrigin(), events);
            }
            case TransitionOutcome.Refused refused -> {
                LOG.infof("%s %s refused: %s", command.operation(), transaction.key(), refused.responseCode().code());
                Money attempted = command.amount() == null ? transaction.currentAmount() : command.amount();
                OperationRecord attempt = new OperationRecord(operationName(command.operation()), attempted, now,
                        refused.responseCode());
                Map<String, Object> answer = answer(refused.responseCode(), transaction, now);
                addResult(command, answer, events);
                yield new OperationWrite(write(answer), Optional.empty(), attempt, command.operationOrigin(), events);
            }
        };
    }

    private static TransitionOutcome apply(OperationCommand command, Transaction transaction, OffsetDateTime now) {
        return switch (command.operation()) {
            case VALIDATE -> transaction.validate(command.amount(), now);
            case CANCEL -> transaction.cancel(command.amount(), now);
            case REFUND -> transaction.refund(command.amount(), now);
            case FORCE_REFERRAL -> transaction.forceReferral(command.authorisationId(), now);
        };
    }

    private static OperationName operationName(CashOperation operation) {
        return switch (operation) {
            case VALIDATE -> OperationName.VALIDATION;
            case CANCEL -> OperationName.CANCEL;
            case REFUND -> OperationName.REFUND;
            case FORCE_REFERRAL -> OperationName.REFERRAL_FORCING;
        };
    }

    private void addResult(OperationCommand command, Map<String, Object> answer, List<OutboxEvent> events) {
        if (command.commandId() != null) {
            events.add(OperationResults.event(command.commandId(), command.operation().name(), command.merchantId(),
                    command.transactionReference(), answer, settings, clock.instant()));
        }
    }

    private Map<String, Object> answer(ResponseCode code, Transaction transaction, OffsetDateTime now) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("responseCode", code.code());
        if (transaction != null) {
            answer.put("newAmount", transaction.currentAmount().minorUnits());
            answer.put("newStatus", transaction.status().name());
            if (transaction.authorisationId() != null) {
                answer.put("authorisationId", transaction.authorisationId());
            }
            if (transaction.captureLimitDate() != null) {
                answer.put("captureLimitDate", TransactionSnapshots.DATE.format(transaction.captureLimitDate()));
            }
        }
        answer.put("operationDateTime", TransactionSnapshots.formatDateTime(now, settings.zone()));
        if (transaction != null) {
            answer.put("transaction", TransactionSnapshots.of(transaction, settings.zone()));
        }
        return answer;
    }

    private String write(Map<String, Object> answer) {
        try {
            return json.writeValueAsString(answer);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write an operation answer", e);
        }
    }
}
