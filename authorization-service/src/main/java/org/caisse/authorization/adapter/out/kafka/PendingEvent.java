package org.caisse.authorization.adapter.out.kafka;

import java.util.UUID;

/** An unpublished outbox row, locked by the relay run that read it. */
record PendingEvent(UUID id, String topic, String recordKey, byte[] payload) {
}
