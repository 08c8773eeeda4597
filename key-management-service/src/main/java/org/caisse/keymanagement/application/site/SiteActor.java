package org.caisse.keymanagement.application.site;

import java.util.Objects;
import java.util.Optional;

/**
 * The signed-in person acting on the key site, for authorization checks already done by the site and for the
 * audit trail: the identity provider's subject, the user name shown in the audit, and the merchant of a merchant
 * user (empty for Caisse staff), and where the request came from (the client address, for the audit log).
 */
public record SiteActor(String subject, String username, Optional<String> merchantId, String origin) {

    public SiteActor {
        origin = origin == null || origin.isBlank() ? "unknown" : origin;
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(merchantId, "merchantId");
    }
}
