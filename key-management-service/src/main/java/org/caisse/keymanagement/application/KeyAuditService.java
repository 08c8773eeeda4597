package org.caisse.keymanagement.application;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.caisse.keymanagement.application.port.out.KeyAuditLog;
import org.caisse.keymanagement.domain.MerchantId;

/** Reading the key audit log, newest first, a page at a time. */
@ApplicationScoped
public class KeyAuditService {

    public static final int MAX_PAGE_SIZE = 200;

    private final KeyAuditLog log;

    public KeyAuditService(KeyAuditLog log) {
        this.log = log;
    }

    /**
     * @param merchantId one merchant's lines, or empty for all
     * @param page       from 0 (negative → 0)
     * @param size       1 to {@value #MAX_PAGE_SIZE} (clamped)
     */
    public Uni<AuditPage> audit(Optional<MerchantId> merchantId, int page, int size) {
        return log.page(merchantId, Math.max(0, page), Math.clamp(size, 1, MAX_PAGE_SIZE));
    }
}
