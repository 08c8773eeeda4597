package org.caisse.notification.domain;

import java.util.Map;

/**
 * A transaction event this service acts on: its id (the dedupe key), its type and the transaction snapshot.
 *
 * @param snapshot the transaction snapshot of docs/platform-contracts.md, as decoded JSON
 */
public record TransactionEvent(String eventId, TransactionEventType type, String merchantId,
        String transactionReference, Map<String, Object> snapshot) {

    /** Longest event id accepted (the column's size). */
    public static final int MAX_EVENT_ID_LENGTH = 200;

    /**
     * Reads the parts this service needs from a decoded envelope.
     *
     * @throws MalformedEventException when the id, merchant or transaction reference is missing
     */
    public static TransactionEvent of(String eventId, TransactionEventType type, Map<String, Object> snapshot) {
        if (eventId == null || eventId.isBlank() || eventId.length() > MAX_EVENT_ID_LENGTH) {
            throw new MalformedEventException("event id missing or too long");
        }
        if (snapshot == null) {
            throw new MalformedEventException("event has no data");
        }
        String merchantId = AutomaticResponseSettings.text(snapshot.get("merchantId"));
        String transactionReference = AutomaticResponseSettings.text(snapshot.get("transactionReference"));
        if (merchantId == null || merchantId.length() > 32) {
            throw new MalformedEventException("snapshot merchantId missing or invalid");
        }
        if (transactionReference == null || transactionReference.length() > 64) {
            throw new MalformedEventException("snapshot transactionReference missing or invalid");
        }
        return new TransactionEvent(eventId, type, merchantId, transactionReference, snapshot);
    }

    @Override
    public String toString() {
        return "TransactionEvent[eventId=" + eventId + ", type=" + type + ", merchantId=" + merchantId
                + ", transactionReference=" + transactionReference + "]";
    }
}
