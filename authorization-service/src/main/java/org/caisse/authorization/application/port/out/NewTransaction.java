package org.caisse.authorization.application.port.out;

import java.util.List;
import java.util.Objects;
import org.caisse.authorization.domain.OperationRecord;
import org.caisse.authorization.domain.Transaction;

/**
 * Everything a new transaction writes at once.
 *
 * @param cardFingerprint the card's keyed fingerprint (velocity rules), null for no card
 * @param vaultEntry      the card to keep in the vault with the transaction, null for none
 */
public record NewTransaction(Transaction transaction, OperationRecord operation, List<OutboxEvent> events,
                             String cardFingerprint, VaultEntry vaultEntry) {
    public NewTransaction {
        Objects.requireNonNull(transaction, "transaction");
        Objects.requireNonNull(operation, "operation");
        events = List.copyOf(events);
    }
}
