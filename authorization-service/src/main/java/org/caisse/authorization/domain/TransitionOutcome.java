package org.caisse.authorization.domain;

import java.util.Objects;
import org.caisse.common.sips.ResponseCode;

/**
 * The result of asking a transaction to change: either the change is accepted (a new transaction value
 * and the operation to record with it) or refused with the Sips response code to answer, leaving the
 * transaction unchanged.
 */
public sealed interface TransitionOutcome {

    record Accepted(Transaction transaction, OperationRecord operation) implements TransitionOutcome {
        public Accepted {
            Objects.requireNonNull(transaction, "transaction");
            Objects.requireNonNull(operation, "operation");
        }
    }

    record Refused(ResponseCode responseCode) implements TransitionOutcome {
        public Refused {
            Objects.requireNonNull(responseCode, "responseCode");
        }
    }
}
