package org.caisse.officeserver.adapter.out.kafka;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Uni;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.caisse.common.event.EventEnvelopeCodec;
import org.caisse.officeserver.application.port.out.EventPublisher;
import org.caisse.officeserver.application.port.out.OutboxMessage;
import org.caisse.officeserver.config.ServiceIdentityConfig;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * An idempotent Kafka producer ({@code acks=all}, {@code enable.idempotence=true}): records of one key
 * keep their order and a retried send is not duplicated by the broker.
 */
@ApplicationScoped
public class KafkaEventPublisher implements EventPublisher {

    private final KafkaProducer<String, byte[]> producer;

    @Inject
    public KafkaEventPublisher(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
                               ServiceIdentityConfig identity) {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ProducerConfig.CLIENT_ID_CONFIG, identity.name() + "-outbox");
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        properties.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        properties.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        properties.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        properties.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
        properties.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        this.producer = new KafkaProducer<>(properties, new StringSerializer(), new ByteArraySerializer());
    }

    @Override
    public Uni<Void> publishAll(List<OutboxMessage> messages) {
        return Uni.createFrom().deferred(() -> {
            List<CompletableFuture<Void>> acknowledgements = new ArrayList<>();
            for (OutboxMessage message : messages) {
                CompletableFuture<Void> acknowledged = new CompletableFuture<>();
                ProducerRecord<String, byte[]> record = new ProducerRecord<>(message.topic(), message.key(),
                        message.value());
                record.headers().add(new RecordHeader("content-type",
                        EventEnvelopeCodec.CONTENT_TYPE.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
                producer.send(record, (metadata, failure) -> {
                    if (failure != null) {
                        acknowledged.completeExceptionally(failure);
                    } else {
                        acknowledged.complete(null);
                    }
                });
                acknowledgements.add(acknowledged);
            }
            return Uni.createFrom().completionStage(
                    CompletableFuture.allOf(acknowledgements.toArray(CompletableFuture[]::new)));
        });
    }

    @PreDestroy
    void close() {
        producer.close(java.time.Duration.ofSeconds(5));
    }
}
