package org.caisse.common.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.cloudevents.CloudEvent;
import io.cloudevents.SpecVersion;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.core.format.EventDeserializationException;
import io.cloudevents.jackson.JsonFormat;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * CloudEvents 1.0 structured JSON ({@code specversion} 1.0, {@code datacontenttype} application/json, {@code data} a
 * JSON object), written and read with the CloudEvents SDK.
 */
public final class EventEnvelopeCodec {

    /** The content type of a record value. */
    public static final String CONTENT_TYPE = JsonFormat.CONTENT_TYPE;
    private static final String DATA_CONTENT_TYPE = "application/json";
    private static final JsonFormat FORMAT = new JsonFormat();
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private EventEnvelopeCodec() {
    }

    public static byte[] toJson(EventEnvelope envelope) {
        byte[] data;
        try {
            data = MAPPER.writeValueAsBytes(envelope.data());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Event data is not serialisable as JSON", e);
        }
        CloudEventBuilder builder = CloudEventBuilder.v1()
                .withId(envelope.id())
                .withSource(URI.create(envelope.source()))
                .withType(envelope.type())
                .withDataContentType(DATA_CONTENT_TYPE)
                .withData(data);
        if (envelope.time() != null) {
            builder.withTime(envelope.time().atOffset(ZoneOffset.UTC));
        }
        if (envelope.subject() != null) {
            builder.withSubject(envelope.subject());
        }
        return FORMAT.serialize(builder.build());
    }

    /** @throws InvalidEventException for anything but a CloudEvents 1.0 JSON event with a JSON-object data */
    public static EventEnvelope fromJson(byte[] json) {
        if (json == null || json.length == 0) {
            throw new InvalidEventException("Empty event");
        }
        CloudEvent event;
        try {
            event = FORMAT.deserialize(json);
        } catch (EventDeserializationException | IllegalStateException | IllegalArgumentException e) {
            throw new InvalidEventException("Not a CloudEvents JSON event: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new InvalidEventException("Not a CloudEvents JSON event", e);
        }
        if (event.getSpecVersion() != SpecVersion.V1) {
            throw new InvalidEventException("Unsupported specversion " + event.getSpecVersion());
        }
        String contentType = event.getDataContentType();
        if (contentType != null && !contentType.startsWith(DATA_CONTENT_TYPE)) {
            throw new InvalidEventException("Unsupported datacontenttype " + contentType);
        }
        Map<String, Object> data = Map.of();
        if (event.getData() != null) {
            byte[] bytes = event.getData().toBytes();
            try {
                Object parsed = MAPPER.readValue(bytes, Object.class);
                if (parsed != null && !(parsed instanceof Map)) {
                    throw new InvalidEventException("Event data is not a JSON object");
                }
                data = parsed == null ? Map.of() : MAPPER.convertValue(parsed, MAP);
            } catch (IOException e) {
                throw new InvalidEventException("Event data is not JSON", e);
            }
        }
        Instant time = event.getTime() == null ? null : event.getTime().toInstant();
        try {
            return new EventEnvelope(event.getId(), event.getSource().toString(), event.getType(), time,
                    event.getSubject(), data);
        } catch (RuntimeException e) {
            throw new InvalidEventException("Invalid event: " + e.getMessage(), e);
        }
    }
}
