package org.caisse.officeserver.application.port.out;

import java.util.Optional;
import java.util.function.Function;

import io.smallrye.mutiny.Uni;
import org.caisse.officeserver.domain.merchant.MerchantMode;
import org.caisse.officeserver.domain.merchant.MerchantSettings;

/** Merchant accounts and their settings. */
public interface MerchantRepository {

    /**
     * Stores the settings and, in the same database transaction and only when they changed (or the
     * merchant is new), the outbox message that {@code announcement} builds from the stored revision (its
     * version and database time, taken while the merchant row is locked, so in commit order).
     *
     * @return true when something changed (and the message was recorded)
     */
    Uni<Boolean> saveAndRecord(MerchantSettings settings, Function<MerchantRevision, OutboxMessage> announcement);

    /** The merchant's mode, empty when this service does not know the merchant or its settings carry none. */
    Uni<Optional<MerchantMode>> modeOf(String merchantId);
}
