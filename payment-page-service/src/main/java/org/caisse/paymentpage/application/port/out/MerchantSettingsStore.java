package org.caisse.paymentpage.application.port.out;

import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.util.Optional;
import org.caisse.paymentpage.domain.MerchantSettings;

/** The local cache of merchant settings fed by the merchants topic. */
public interface MerchantSettingsStore {

    Uni<Optional<MerchantSettings>> find(String merchantId);

    /**
     * Stores the settings unless a newer event (by event time) is already stored; {@code true} when
     * stored.
     */
    Uni<Boolean> upsertIfNewer(MerchantSettings settings, String eventId, Instant eventTime);
}
