package org.caisse.keymanagement.application.port.out;

import io.smallrye.mutiny.Uni;
import java.util.Optional;
import org.caisse.keymanagement.application.AuditPage;
import org.caisse.keymanagement.domain.MerchantId;

/** Reading the append-only audit log (writing happens in {@link KeyCustodyTransaction#audit}). */
public interface KeyAuditLog {

    Uni<AuditPage> page(Optional<MerchantId> merchantId, int page, int size);
}
