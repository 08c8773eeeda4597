package org.caisse.officeserver.application.port.out;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.smallrye.mutiny.Uni;

/**
 * The transactions of authorization-service, always read and changed on behalf of ONE merchant: the
 * merchant authenticated by the seal. Fails with {@link DownstreamUnavailableException} when the
 * service cannot answer.
 */
public interface TransactionGateway {

    /** A transaction snapshot and its operation history (docs/platform-contracts.md). */
    record TransactionRecord(Map<String, Object> transaction, List<Map<String, Object>> operations) {
    }

    /** What to cancel: the amount in minor units of {@code currencyCode}; {@code operationId} dedupes replays. */
    record CancelCommand(UUID operationId, long amount, String currencyCode, String operationOrigin) {
    }

    /** The authorization service's answer to an operation (responseCode, newAmount, newStatus, ...). */
    record OperationAnswer(Map<String, Object> body) {
    }

    /** Empty when the merchant has no such transaction. */
    Uni<Optional<TransactionRecord>> find(String merchantId, String transactionReference);

    /** Empty when the merchant has no such transaction. */
    Uni<Optional<OperationAnswer>> cancel(String merchantId, String transactionReference, CancelCommand command);
}
