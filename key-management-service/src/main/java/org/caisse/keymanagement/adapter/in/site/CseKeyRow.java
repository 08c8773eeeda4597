package org.caisse.keymanagement.adapter.in.site;

import java.util.Locale;
import org.caisse.keymanagement.domain.cse.CsePublicKey;

/** One line of the CSE key pairs table (public side only). */
public record CseKeyRow(String kid, String statusKey, String created, String notAfter) {

    public static CseKeyRow of(CsePublicKey key) {
        return new CseKeyRow(key.id().kid(), "status_" + key.lifecycle().status().name().toLowerCase(Locale.ROOT),
                SitePages.when(key.createdAt()), SitePages.when(key.lifecycle().notAfter()));
    }
}
