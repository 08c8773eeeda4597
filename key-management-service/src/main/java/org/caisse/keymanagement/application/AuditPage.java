package org.caisse.keymanagement.application;

import java.util.List;
import org.caisse.keymanagement.domain.custody.AuditEntry;

/** One page of the audit log, newest first; {@code page} counts from 0. */
public record AuditPage(List<AuditEntry> entries, int page, int size, long total) {

    public AuditPage {
        entries = List.copyOf(entries);
    }

    public boolean hasNext() {
        return (long) (page + 1) * size < total;
    }
}
