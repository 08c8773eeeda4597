package org.caisse.officeserver.application.office;

import java.util.Map;

import io.smallrye.mutiny.Uni;

/**
 * One Office Server service ({@code POST /rs-services/v2/<family>/<name>}). The
 * {@link SealedRequestPipeline} checks the common fields and the seal first; an operation only sees
 * authenticated requests and returns the response fields, which the pipeline seals.
 * <p>
 * An operation signals a bad field by throwing (or failing with)
 * {@link org.caisse.officeserver.domain.office.FieldFormatException} before it changes anything.
 */
public interface OfficeOperation {

    /** For example {@code cashManagement}. */
    String family();

    /** For example {@code cancel}. */
    String name();

    /** For example {@code CR_WS_}. */
    String interfaceVersionPrefix();

    /**
     * The name of the field carrying the Sips code in this service's answers, the pipeline's own refusals (30, 34,
     * 90, 99) included: {@code responseCode}, or {@code walletResponseCode} for the wallet services (SIPS.md §5).
     */
    default String responseCodeField() {
        return "responseCode";
    }

    /** The response fields (at least the {@link #responseCodeField()}), not yet sealed. */
    Uni<Map<String, Object>> execute(AuthenticatedRequest request);
}
