package org.caisse.authorization.application.port.out;

import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.caisse.authorization.domain.Transaction;

/** Where transactions, their operations and the outbox live. Each method is one database transaction. */
public interface TransactionStore {

    /** A cheap early check; the unique constraint used by {@link #insertNew} stays the rule. */
    Uni<Boolean> referenceExists(String merchantId, String transactionReference);

    /**
     * Inserts a new transaction with its first operation, its events and (when given) its vaulted card, atomically.
     *
     * @return false, with nothing written, when the merchant already has that transactionReference
     */
    Uni<Boolean> insertNew(NewTransaction write);

    Uni<Optional<TransactionHistory>> find(String merchantId, String transactionReference);

    /**
     * Runs one operation on an existing transaction. When {@code key.commandId} was already processed, or the
     * merchant's {@code key.operationId} already answered, returns the stored answer (replayed) and writes nothing.
     * Otherwise locks the transaction row ({@code SELECT ... FOR UPDATE}), lets {@code decide} choose what to write
     * (it receives empty when the merchant has no such transaction), writes it in the same database transaction and
     * returns the decided answer.
     */
    Uni<OperationAnswer> runOperation(OperationKey key, Function<Optional<Transaction>, OperationWrite> decide);

    /**
     * One batch of the remittance: locks up to {@code query.limit()} due transactions that no other run holds
     * ({@code FOR UPDATE SKIP LOCKED}), lets {@code apply} decide each (it may call the acquirer), and writes the
     * changes, operations and events in the same database transaction.
     */
    Uni<RemittanceBatch> remitDue(DueQuery query, Function<Transaction, Uni<Optional<TransitionWrite>>> apply);

    /** Attempts (any outcome) with that card at that merchant since {@code since}: the velocity rule's input. */
    Uni<Integer> countCardAttempts(String merchantId, String cardFingerprint, Instant since);

    record TransactionHistory(Transaction transaction, List<StoredOperation> operations) {
    }

    /** Identifies an operation request for deduplication; {@code commandId} only for commands from Kafka. */
    record OperationKey(String merchantId, String transactionReference, String operationId, String commandId) {
    }

    /** The answer to an operation and whether it is the stored answer of an earlier identical request. */
    record OperationAnswer(String json, boolean replayed) {
    }

    /** Which transactions a remittance batch looks at. {@code merchantId} null = every merchant. */
    record DueQuery(String merchantId, java.time.LocalDate businessDate, int authorizationValidityDays,
                    int captureValidityDays, int limit) {
    }

    /** How many transactions a batch locked and how many it changed. */
    record RemittanceBatch(int locked, int changed) {
    }
}
