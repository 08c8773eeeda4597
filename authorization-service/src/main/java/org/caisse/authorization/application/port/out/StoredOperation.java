package org.caisse.authorization.application.port.out;

import java.time.OffsetDateTime;

/** One line of a transaction's operation history. */
public record StoredOperation(String name, long amount, OffsetDateTime dateTime, String responseCode) {
}
