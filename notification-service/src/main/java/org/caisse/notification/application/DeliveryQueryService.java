package org.caisse.notification.application;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import org.caisse.notification.application.port.in.ListDeliveries;
import org.caisse.notification.application.port.out.DeliveryStore;
import org.caisse.notification.domain.Delivery;

@ApplicationScoped
public class DeliveryQueryService implements ListDeliveries {

    private final DeliveryStore store;

    public DeliveryQueryService(DeliveryStore store) {
        this.store = store;
    }

    @Override
    public Uni<List<Delivery>> list(String merchantId, Optional<String> transactionReference) {
        return store.findByMerchant(merchantId, transactionReference, MAX_RESULTS);
    }
}
