package org.caisse.notification.application.port.in;

import io.smallrye.mutiny.Uni;
import java.util.List;
import java.util.Optional;
import org.caisse.notification.domain.Delivery;

/** Support's view of a merchant's deliveries. */
public interface ListDeliveries {

    /** Most deliveries one answer lists. */
    int MAX_RESULTS = 200;

    Uni<List<Delivery>> list(String merchantId, Optional<String> transactionReference);
}
