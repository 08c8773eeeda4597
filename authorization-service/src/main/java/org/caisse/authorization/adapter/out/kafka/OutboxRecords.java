package org.caisse.authorization.adapter.out.kafka;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;

/**
 * How an outbox row travels as a Kafka record: its key, its payload as value, and its outbox id in the header
 * {@value #OUTBOX_ID_HEADER} (the UUID as text), so that a recovery scan recognizes the relay's records without
 * parsing payloads.
 */
public final class OutboxRecords {

    /** Record header carrying the outbox row id (also the CloudEvents {@code id} of the payload). */
    public static final String OUTBOX_ID_HEADER = "caisse-outbox-id";

    private static final JsonFactory JSON = new JsonFactory();

    private OutboxRecords() {
    }

    static ProducerRecord<String, byte[]> toRecord(PendingEvent event) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(event.topic(), event.recordKey(), event.payload());
        record.headers().add(OUTBOX_ID_HEADER, event.id().toString().getBytes(StandardCharsets.UTF_8));
        return record;
    }

    /**
     * The outbox id a record carries: its header, or for records written before the header existed the
     * top-level {@code id} of the CloudEvents payload. Empty for a record of another producer.
     */
    static Optional<UUID> outboxId(ConsumerRecord<?, byte[]> record) {
        Header header = record.headers().lastHeader(OUTBOX_ID_HEADER);
        if (header != null) {
            return uuid(new String(header.value(), StandardCharsets.UTF_8));
        }
        return record.value() == null ? Optional.empty() : payloadId(record.value());
    }

    private static Optional<UUID> payloadId(byte[] payload) {
        try (JsonParser parser = JSON.createParser(payload)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return Optional.empty();
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if ("id".equals(field)) {
                    return value == JsonToken.VALUE_STRING ? uuid(parser.getText()) : Optional.empty();
                }
                parser.skipChildren();
            }
            return Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Optional<UUID> uuid(String text) {
        try {
            return Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
