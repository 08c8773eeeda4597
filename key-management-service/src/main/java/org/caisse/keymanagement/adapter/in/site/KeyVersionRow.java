package org.caisse.keymanagement.adapter.in.site;

import java.util.Locale;
import org.caisse.keymanagement.application.port.out.KeyVersionSummary;
import org.caisse.keymanagement.domain.KeyStatus;

/** One line of the key versions table. */
public record KeyVersionRow(int version, String environmentKey, String statusKey, String created, String notAfter,
                            boolean canActivate, boolean canDeactivate, boolean canDownload) {

    public static KeyVersionRow of(KeyVersionSummary summary) {
        KeyStatus status = summary.lifecycle().status();
        return new KeyVersionRow(summary.id().keyVersion().value(),
                "env_" + summary.environment().name().toLowerCase(Locale.ROOT),
                "status_" + status.name().toLowerCase(Locale.ROOT),
                SitePages.when(summary.createdAt()), SitePages.when(summary.lifecycle().notAfter()),
                status != KeyStatus.ACTIVE && status != KeyStatus.DESTROYED,
                status == KeyStatus.ACTIVE || status == KeyStatus.DEPRECATED,
                status != KeyStatus.DESTROYED);
    }
}
