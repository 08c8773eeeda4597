package org.caisse.keymanagement.application.site;

import java.time.Instant;
import org.caisse.keymanagement.domain.MerchantKeyId;

/** An emergency revocation waiting for a second custodian's approval (dual control). */
public record RevocationRequest(String requestId, MerchantKeyId key, String requestedBy, Instant requestedAt,
                                String reason) {
}
