package org.caisse.paymentpage.application;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.caisse.paymentpage.application.port.out.MerchantSettingsStore;
import org.caisse.paymentpage.domain.MerchantSettings;

/** Keeps the local merchant settings cache: the newest event by event time wins. */
@ApplicationScoped
public class MerchantSettingsUpdater {

    private final MerchantSettingsStore store;

    public MerchantSettingsUpdater(MerchantSettingsStore store) {
        this.store = store;
    }

    public Uni<Boolean> apply(MerchantSettings settings, String eventId, Instant eventTime) {
        return store.upsertIfNewer(settings, eventId, eventTime);
    }
}
