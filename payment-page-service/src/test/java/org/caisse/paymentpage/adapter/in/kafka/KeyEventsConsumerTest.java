package org.caisse.paymentpage.adapter.in.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.caisse.common.event.EventEnvelope;
import org.caisse.common.event.EventEnvelopeCodec;
import org.caisse.common.keys.KeyLookup;
import org.caisse.paymentpage.application.port.out.MerchantKeys;
import org.caisse.paymentpage.support.FakePlatformServices;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * A key event on the real Kafka drops the cached key: the key-management fake counts the lookups it answers, so a
 * lookup served from the cache and one fetched again can be told apart.
 */
@QuarkusTest
@WithTestResource(FakePlatformServices.class)
class KeyEventsConsumerTest {

    private static final String MERCHANT = "002001000000077";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    MerchantKeys keys;

    @ConfigProperty(name = "caisse.key-management.url")
    String keysUrl;

    @ConfigProperty(name = "caisse.topics.keys")
    String topic;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void aKeyEventForTheMerchantMakesTheNextLookupFetchTheKeyAgain() throws Exception {
        assertThat(lookup()).isInstanceOf(KeyLookup.Found.class);
        int afterFirst = fetches();
        assertThat(lookup()).isInstanceOf(KeyLookup.Found.class);
        assertThat(fetches()).as("second lookup served from the cache").isEqualTo(afterFirst);

        try (KafkaProducer<String, byte[]> producer = producer()) {
            // an unreadable record first: it must not stop the channel
            producer.send(new ProducerRecord<>(topic, null, "not an event".getBytes(StandardCharsets.UTF_8))).get();
            // the consumer group is new and starts at the newest record once its partitions are assigned, which
            // takes a moment after start-up: send until one event is seen, then check exactly one refetch
            Instant deadline = Instant.now().plusSeconds(30);
            int now = afterFirst;
            while (now == afterFirst && Instant.now().isBefore(deadline)) {
                producer.send(new ProducerRecord<>(topic, MERCHANT, keyEvent())).get();
                Thread.sleep(500);
                assertThat(lookup()).isInstanceOf(KeyLookup.Found.class);
                now = fetches();
            }
            assertThat(now).as("lookup after the key event fetched the key again").isEqualTo(afterFirst + 1);
        }
        int refetched = fetches();
        assertThat(lookup()).isInstanceOf(KeyLookup.Found.class);
        assertThat(fetches()).as("cached again after the refetch").isEqualTo(refetched);
    }

    private KeyLookup lookup() {
        return keys.find(MERCHANT, 1).await().atMost(Duration.ofSeconds(5));
    }

    private int fetches() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(keysUrl + "/test/key-fetches/" + MERCHANT)).build(),
                HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body()).get("fetches").asInt();
    }

    private static byte[] keyEvent() {
        return EventEnvelopeCodec.toJson(new EventEnvelope(UUID.randomUUID().toString(),
                "/caisse/key-management-service", "org.caisse.key.activated.v1", Instant.now(), MERCHANT,
                Map.of("merchantId", MERCHANT, "keyVersion", 2, "environment", "TEST", "status", "ACTIVE")));
    }

    private KafkaProducer<String, byte[]> producer() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return new KafkaProducer<>(props);
    }
}
