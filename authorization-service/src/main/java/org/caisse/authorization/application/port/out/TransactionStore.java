package org.caisse.authorization.application.port.out;

import io.smallrye.mutiny.Uni;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.caisse.authorization.domain.OperationRecord;
import org.caisse.authorization.domain.Transaction;

/** Where transactions, their operations and the outbox live. Each method is one database transaction. */
public interface TransactionStore {

    /** A cheap early check; the unique constraint used by {@link #insertNew} stays the rule. */
    Uni<Boolean> referenceExists(String merchantId, String transactionReference);

    /**
     * Inserts a new transaction with its first operation and its event, atomically.
     *
     * @return false, with nothing written, when the merchant already has that transactionReference
     */
    Uni<Boolean> insertNew(Transaction transaction, OperationRecord operation, OutboxEvent event);

    Uni<Optional<TransactionHistory>> find(String merchantId, String transactionReference);

    /**
     * Runs one operation identified by (merchantId, operationId): if that operationId was already answered, returns
     * the stored answer unchanged; otherwise locks the transaction row ({@code SELECT ... FOR UPDATE}), lets
     * {@code decide} choose what to write (it receives empty when the transaction is unknown), writes it in the same
     * database transaction and returns the decided answer.
     */
    Uni<String> runOperation(String merchantId, String transactionReference, String operationId,
                             Function<Optional<Transaction>, OperationWrite> decide);

    record TransactionHistory(Transaction transaction, List<StoredOperation> operations) {
    }
}
