package org.caisse.authorization.adapter.in.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.caisse.authorization.adapter.in.rest.CashOperationsApiTest.authorized;
import static org.caisse.authorization.adapter.in.rest.CashOperationsApiTest.transaction;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.caisse.authorization.TopicProbe;
import org.caisse.common.event.EventEnvelope;
import org.caisse.common.event.EventEnvelopeCodec;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** Operation commands from Kafka: executed once, answered once, whatever the redeliveries. */
@QuarkusTest
class OperationCommandConsumerTest {

    static final String MERCHANT = "002001000000001";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ConfigProperty(name = "caisse.topics.operation-commands")
    String commandsTopic;

    @ConfigProperty(name = "caisse.topics.operation-results")
    String resultsTopic;

    void send(Map<String, Object> data) throws Exception {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(),
                new ByteArraySerializer())) {
            String key = data.get("merchantId") + ":" + data.get("transactionReference");
            EventEnvelope envelope = new EventEnvelope(UUID.randomUUID().toString(), "/caisse/batch-service",
                    OperationCommandConsumer.COMMAND_TYPE, Instant.now(), key, data);
            producer.send(new ProducerRecord<>(commandsTopic, key, EventEnvelopeCodec.toJson(envelope))).get();
        }
    }

    static Map<String, Object> command(String commandId, String operation, String reference, Object amount) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("commandId", commandId);
        data.put("operation", operation);
        data.put("merchantId", MERCHANT);
        data.put("transactionReference", reference);
        data.put("amount", amount);
        data.put("currencyCode", "978");
        return data;
    }

    @Test
    void aRedeliveredCommandIsExecutedAndAnsweredOnce() throws Exception {
        String reference = authorized("AUTHOR_CAPTURE", 0, 1000, "5100000000000000");
        String commandId = "cmd-" + UUID.randomUUID();
        try (TopicProbe results = new TopicProbe(bootstrapServers, resultsTopic)) {
            Map<String, Object> cancel = command(commandId, "CANCEL", reference, 250);
            send(cancel);
            send(cancel);
            send(cancel);
            List<EventEnvelope> answers = results.await(e -> commandId.equals(e.data().get("commandId")), 1);
            assertThat(answers.get(0).type()).isEqualTo("org.caisse.operation.result.v1");
            assertThat(answers.get(0).data()).containsEntry("responseCode", "00").containsEntry("newAmount", 750);
            assertThat(results.collect(e -> commandId.equals(e.data().get("commandId")), Duration.ofSeconds(3)))
                    .as("no second answer").isEmpty();
        }
        assertThat(transaction(reference).getLong("transaction.currentAmount")).as("cancelled once").isEqualTo(750);
    }

    @Test
    void invalidAndUnknownCommandsAreAnsweredWithTheirCode() throws Exception {
        String invalidId = "cmd-" + UUID.randomUUID();
        String unknownId = "cmd-" + UUID.randomUUID();
        try (TopicProbe results = new TopicProbe(bootstrapServers, resultsTopic)) {
            send(command(invalidId, "REFUND", "UNKNOWNREF1", "12.5"));
            send(command(unknownId, "REFUND", "UNKNOWNREF2", 100));
            EventEnvelope invalid = results.await(e -> invalidId.equals(e.data().get("commandId")), 1).get(0);
            assertThat(invalid.data()).containsEntry("responseCode", "30").containsEntry("errorFieldName", "amount");
            EventEnvelope unknown = results.await(e -> unknownId.equals(e.data().get("commandId")), 1).get(0);
            assertThat(unknown.data()).containsEntry("responseCode", "25");
        }
    }
}
