package org.caisse.keymanagement.application.port.out;

import io.smallrye.mutiny.Uni;
import java.util.List;
import org.caisse.keymanagement.domain.MerchantId;

/** Read-only listing of a merchant's key versions; never reads the encrypted material. */
public interface MerchantKeyListing {

    /** Every version of the merchant, newest first; empty for an unknown merchant. */
    Uni<List<KeyVersionSummary>> keyVersionsOf(MerchantId merchantId);
}
