package org.caisse.officeserver.application.port.out;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import io.smallrye.mutiny.Uni;
import org.caisse.officeserver.domain.merchant.MerchantSettings;

/** Merchant accounts as operators see them: read with their version, written only from an expected version. */
public interface MerchantCatalog {

    /** A stored merchant: its settings document as stored, its version and the time of that version. */
    record StoredMerchant(Map<String, Object> document, long version, Instant updatedAt) {
        public StoredMerchant {
            document = Map.copyOf(document);
        }
    }

    /** The outcome of a conditional write. */
    sealed interface WriteResult {
        /** Written (or unchanged when {@code changed} is false: the same settings were already stored). */
        record Written(long version, boolean changed) implements WriteResult {
        }

        record NotFound() implements WriteResult {
        }

        /** The merchant exists with another version (or already exists, for a creation). */
        record Conflict(long currentVersion) implements WriteResult {
        }
    }

    Uni<Optional<StoredMerchant>> find(String merchantId);

    /** Merchants in merchantId order, strictly after {@code afterMerchantId} when given. */
    Uni<List<StoredMerchant>> list(String afterMerchantIdOrNull, int limit);

    /** Inserts a new merchant; {@link WriteResult.Conflict} when it exists. The outbox row in the same transaction. */
    Uni<WriteResult> create(MerchantSettings settings, Function<MerchantRevision, OutboxMessage> announcement);

    /**
     * Replaces the settings of an existing merchant whose version is {@code expectedVersion}, under the row lock;
     * the outbox row in the same transaction, only when the settings changed.
     */
    Uni<WriteResult> replace(MerchantSettings settings, long expectedVersion,
                             Function<MerchantRevision, OutboxMessage> announcement);
}
