package org.caisse.common.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class EventEnvelopeCodecTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    static EventEnvelope sample() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("merchantId", "002001000000001");
        data.put("amount", 1000);
        data.put("notification", Map.of("keyVersion", 1, "interfaceVersion", "HP_2.24"));
        data.put("brands", List.of("CB", "VISA"));
        data.put("responseEncoding", null);
        return new EventEnvelope("42", "/caisse/authorization-service", "org.caisse.transaction.authorized.v1",
                Instant.parse("2026-11-23T11:00:00.123456Z"), "002001000000001:TREF0001", data);
    }

    @Test
    void writesCloudEventsStructuredJsonWithDataAsAnObject() throws Exception {
        JsonNode json = MAPPER.readTree(EventEnvelopeCodec.toJson(sample()));
        assertThat(json.path("specversion").asText()).isEqualTo("1.0");
        assertThat(json.path("datacontenttype").asText()).isEqualTo("application/json");
        assertThat(json.path("id").asText()).isEqualTo("42");
        assertThat(json.path("source").asText()).isEqualTo("/caisse/authorization-service");
        assertThat(json.path("type").asText()).isEqualTo("org.caisse.transaction.authorized.v1");
        assertThat(json.path("subject").asText()).isEqualTo("002001000000001:TREF0001");
        assertThat(Instant.parse(json.path("time").asText())).isEqualTo(Instant.parse("2026-11-23T11:00:00.123456Z"));
        assertThat(json.path("data").isObject()).isTrue();
        assertThat(json.has("data_base64")).isFalse();
        assertThat(json.path("data").path("notification").path("keyVersion").asInt()).isEqualTo(1);
    }

    @Test
    void roundTripKeepsEveryField() {
        EventEnvelope original = sample();
        EventEnvelope read = EventEnvelopeCodec.fromJson(EventEnvelopeCodec.toJson(original));
        assertThat(read).isEqualTo(original);
    }

    @Test
    void optionalTimeSubjectAndDataMayBeAbsent() {
        EventEnvelope bare = new EventEnvelope("1", "/caisse/x", "t", null, null, null);
        EventEnvelope read = EventEnvelopeCodec.fromJson(EventEnvelopeCodec.toJson(bare));
        assertThat(read).isEqualTo(bare);
        assertThat(read.data()).isEmpty();
    }

    @Test
    void readsAnEventWrittenByAnotherProducer() {
        String json = """
                {"specversion":"1.0","id":"7","source":"/caisse/office-server-service",
                 "type":"org.caisse.merchant.updated.v1","subject":"002001000000001",
                 "time":"2026-11-23T12:00:00+01:00","datacontenttype":"application/json",
                 "data":{"merchantId":"002001000000001","legacySha256Allowed":true}}""";
        EventEnvelope read = EventEnvelopeCodec.fromJson(json.getBytes(StandardCharsets.UTF_8));
        assertThat(read.time()).isEqualTo(Instant.parse("2026-11-23T11:00:00Z"));
        assertThat(read.data()).containsEntry("legacySha256Allowed", true);
    }

    @Test
    void invalidEventsAreRefusedWithTheCodecsException() {
        for (String bad : new String[] {"", "not json", "{}", "[1,2]",
                "{\"specversion\":\"0.3\",\"id\":\"1\",\"source\":\"/s\",\"type\":\"t\"}",
                "{\"specversion\":\"1.0\",\"source\":\"/s\",\"type\":\"t\"}",
                "{\"specversion\":\"1.0\",\"id\":\"1\",\"source\":\"/s\",\"type\":\"t\","
                        + "\"datacontenttype\":\"application/json\",\"data\":[1]}",
                "{\"specversion\":\"1.0\",\"id\":\"1\",\"source\":\"/s\",\"type\":\"t\","
                        + "\"datacontenttype\":\"text/plain\",\"data\":\"x\"}"}) {
            assertThatThrownBy(() -> EventEnvelopeCodec.fromJson(bad.getBytes(StandardCharsets.UTF_8)))
                    .as(bad).isInstanceOf(InvalidEventException.class);
        }
        assertThatThrownBy(() -> EventEnvelopeCodec.fromJson(null)).isInstanceOf(InvalidEventException.class);
    }

    @Property
    void anyEnvelopeRoundTrips(@ForAll("envelopes") EventEnvelope envelope) {
        assertThat(EventEnvelopeCodec.fromJson(EventEnvelopeCodec.toJson(envelope))).isEqualTo(envelope);
    }

    @Provide
    Arbitrary<EventEnvelope> envelopes() {
        Arbitrary<String> text = Arbitraries.strings().withCharRange(' ', '\uD7FF').ofMinLength(1).ofMaxLength(12)
                .filter(s -> !s.isBlank());
        Arbitrary<Object> leaf = Arbitraries.oneOf(text.map(s -> (Object) s),
                Arbitraries.integers().map(i -> (Object) i), Arbitraries.of(true, false).map(b -> (Object) b));
        Arbitrary<Map<String, Object>> inner = Arbitraries.maps(Arbitraries.strings().alpha().ofMinLength(1)
                .ofMaxLength(6), leaf).ofMaxSize(4).map(HashMap::new);
        Arbitrary<Object> value = Arbitraries.oneOf(leaf, inner.map(m -> (Object) m),
                leaf.list().ofMaxSize(3).map(l -> (Object) l));
        Arbitrary<Map<String, Object>> data = Arbitraries.maps(Arbitraries.strings().alpha().ofMinLength(1)
                .ofMaxLength(8), value).ofMaxSize(6).map(HashMap::new);
        Arbitrary<Instant> time = Arbitraries.longs().between(0, 4_102_444_800_000L).map(Instant::ofEpochMilli);
        return Combinators.combine(Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(20),
                        Arbitraries.of("/caisse/authorization-service", "/caisse/office-server-service"),
                        Arbitraries.of("org.caisse.transaction.authorized.v1", "org.caisse.merchant.updated.v1"),
                        time.injectNull(0.2), text.injectNull(0.2), data)
                .as(EventEnvelope::new);
    }
}
