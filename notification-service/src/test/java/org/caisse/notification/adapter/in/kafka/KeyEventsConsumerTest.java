package org.caisse.notification.adapter.in.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.caisse.common.event.EventEnvelope;
import org.caisse.common.event.EventEnvelopeCodec;
import org.caisse.common.keys.KeyLookup;
import org.caisse.common.keys.MerchantKeyClient;
import org.caisse.notification.support.FakeMerchantSide;
import org.caisse.notification.support.FakeMerchantSideResource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** A key event on the real Kafka makes the next key lookup of that merchant go to key-management-service again. */
@QuarkusTest
@QuarkusTestResource(value = FakeMerchantSideResource.class, restrictToAnnotatedClass = false)
class KeyEventsConsumerTest {

    private static final String MERCHANT = "002001000000078";

    @Inject
    MerchantKeyClient keys;

    @ConfigProperty(name = "caisse.topics.keys")
    String topic;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void aKeyEventForTheMerchantMakesTheNextLookupFetchTheKeyAgain() throws Exception {
        FakeMerchantSide fake = FakeMerchantSide.instance();
        assertThat(lookup()).isInstanceOf(KeyLookup.Found.class);
        int afterFirst = fake.keyRequestsFor(MERCHANT);
        assertThat(lookup()).isInstanceOf(KeyLookup.Found.class);
        assertThat(fake.keyRequestsFor(MERCHANT)).as("second lookup served from the cache").isEqualTo(afterFirst);

        try (KafkaProducer<String, byte[]> producer = producer()) {
            producer.send(new ProducerRecord<>(topic, null, new byte[] {1, 2, 3})).get();
            // the group is new and reads from the newest record once its partitions are assigned: send until seen
            Instant deadline = Instant.now().plusSeconds(30);
            int now = afterFirst;
            while (now == afterFirst && Instant.now().isBefore(deadline)) {
                producer.send(new ProducerRecord<>(topic, MERCHANT, keyEvent())).get();
                Thread.sleep(500);
                assertThat(lookup()).isInstanceOf(KeyLookup.Found.class);
                now = fake.keyRequestsFor(MERCHANT);
            }
            assertThat(now).as("lookup after the key event fetched the key again").isEqualTo(afterFirst + 1);
        }
        int refetched = fake.keyRequestsFor(MERCHANT);
        assertThat(lookup()).isInstanceOf(KeyLookup.Found.class);
        assertThat(fake.keyRequestsFor(MERCHANT)).as("cached again after the refetch").isEqualTo(refetched);
    }

    private KeyLookup lookup() throws Exception {
        return keys.find(MERCHANT, 1).toCompletableFuture().get(5, TimeUnit.SECONDS);
    }

    private static byte[] keyEvent() {
        return EventEnvelopeCodec.toJson(new EventEnvelope(UUID.randomUUID().toString(),
                "/caisse/key-management-service", "org.caisse.key.deactivated.v1", Instant.now(), MERCHANT,
                Map.of("merchantId", MERCHANT, "keyVersion", 2, "environment", "TEST", "status", "DEACTIVATED")));
    }

    private KafkaProducer<String, byte[]> producer() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return new KafkaProducer<>(props);
    }
}
