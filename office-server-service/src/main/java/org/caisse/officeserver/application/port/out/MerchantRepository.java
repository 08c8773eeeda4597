package org.caisse.officeserver.application.port.out;

import io.smallrye.mutiny.Uni;
import org.caisse.officeserver.domain.merchant.MerchantSettings;

/** Merchant accounts and their settings. */
public interface MerchantRepository {

    /**
     * Stores the settings and, in the same database transaction and only when they changed (or the
     * merchant is new), the outbox message announcing them.
     *
     * @return true when something changed (and the message was recorded)
     */
    Uni<Boolean> saveAndRecord(MerchantSettings settings, OutboxMessage message);
}
