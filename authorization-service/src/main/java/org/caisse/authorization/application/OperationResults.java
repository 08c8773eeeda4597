package org.caisse.authorization.application;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.caisse.authorization.application.port.out.OutboxEvent;
import org.caisse.common.event.EventEnvelope;
import org.caisse.common.event.EventEnvelopeCodec;

/** The answer to a Kafka operation command, published on the results topic with the change it reports. */
public final class OperationResults {

    public static final String TYPE = "org.caisse.operation.result.v1";

    private OperationResults() {
    }

    /** {@code data}: {@code commandId, operation, merchantId, transactionReference} then the operation's answer. */
    public static OutboxEvent event(String commandId, String operation, String merchantId, String transactionReference,
                                    Map<String, Object> answer, EngineSettings settings, Instant now) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("commandId", commandId);
        data.put("operation", operation);
        data.put("merchantId", merchantId);
        data.put("transactionReference", transactionReference);
        answer.forEach((k, v) -> {
            if (!"transaction".equals(k)) {
                data.put(k, v);
            }
        });
        String key = merchantId + ":" + transactionReference;
        UUID id = UUID.randomUUID();
        EventEnvelope envelope = new EventEnvelope(id.toString(), settings.eventSource(), TYPE, now, key, data);
        return new OutboxEvent(id, settings.operationResultsTopic(), key, EventEnvelopeCodec.toJson(envelope), now);
    }
}
