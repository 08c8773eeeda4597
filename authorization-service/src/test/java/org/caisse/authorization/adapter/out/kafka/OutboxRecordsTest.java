package org.caisse.authorization.adapter.out.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.caisse.common.event.EventEnvelope;
import org.caisse.common.event.EventEnvelopeCodec;
import org.junit.jupiter.api.Test;

class OutboxRecordsTest {

    static ConsumerRecord<String, byte[]> consumed(ProducerRecord<String, byte[]> sent) {
        ConsumerRecord<String, byte[]> record = new ConsumerRecord<>(sent.topic(), 0, 0L, sent.key(), sent.value());
        sent.headers().forEach(header -> record.headers().add(header));
        return record;
    }

    static byte[] envelope(String id) {
        return EventEnvelopeCodec.toJson(new EventEnvelope(id, "/caisse/authorization-service",
                "org.caisse.transaction.authorized.v1", Instant.parse("2026-11-23T11:00:00Z"), "k", Map.of("a", 1)));
    }

    @Test
    void theRecordCarriesTheRowsKeyPayloadAndOutboxIdHeader() {
        UUID id = UUID.randomUUID();
        byte[] payload = envelope(id.toString());
        ProducerRecord<String, byte[]> record = OutboxRecords.toRecord(
                new PendingEvent(id, "topic", "002001000000001:REF1", payload));

        assertThat(record.topic()).isEqualTo("topic");
        assertThat(record.key()).isEqualTo("002001000000001:REF1");
        assertThat(record.value()).isEqualTo(payload);
        assertThat(new String(record.headers().lastHeader("caisse-outbox-id").value(), StandardCharsets.UTF_8))
                .isEqualTo(id.toString());
        assertThat(OutboxRecords.outboxId(consumed(record))).contains(id);
    }

    @Test
    void theHeaderIsReadWithoutTouchingThePayload() {
        UUID id = UUID.randomUUID();
        ProducerRecord<String, byte[]> record = OutboxRecords.toRecord(
                new PendingEvent(id, "topic", "k", "not json".getBytes(StandardCharsets.UTF_8)));

        assertThat(OutboxRecords.outboxId(consumed(record))).contains(id);
    }

    @Test
    void aRecordWrittenBeforeTheHeaderIsRecognizedByItsCloudEventsId() {
        UUID id = UUID.randomUUID();

        assertThat(OutboxRecords.outboxId(consumed(new ProducerRecord<>("topic", "k", envelope(id.toString())))))
                .contains(id);
    }

    @Test
    void recordsOfOtherProducersCarryNoOutboxId() {
        for (byte[] value : new byte[][] {null, "".getBytes(StandardCharsets.UTF_8),
                "not json".getBytes(StandardCharsets.UTF_8), "[1]".getBytes(StandardCharsets.UTF_8),
                "{\"id\":42}".getBytes(StandardCharsets.UTF_8), envelope("not-a-uuid")}) {
            assertThat(OutboxRecords.outboxId(consumed(new ProducerRecord<>("topic", "k", value)))).isEmpty();
        }
        ConsumerRecord<String, byte[]> badHeader = new ConsumerRecord<>("topic", 0, 0L, "k", envelope("x"));
        badHeader.headers().add("caisse-outbox-id", "garbage".getBytes(StandardCharsets.UTF_8));
        assertThat(OutboxRecords.outboxId(badHeader)).isEmpty();
    }
}
