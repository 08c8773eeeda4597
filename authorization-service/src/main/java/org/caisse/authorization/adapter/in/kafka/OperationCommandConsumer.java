package org.caisse.authorization.adapter.in.kafka;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.caisse.authorization.application.TransactionOperationsService;
import org.caisse.common.event.EventEnvelope;
import org.caisse.common.event.EventEnvelopeCodec;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Executes the cash operations batch-service sends on {@code caisse.operations.commands.v1}. The command id is the
 * deduplication key: the operation, its events and its result event ({@code caisse.operations.results.v1}) are
 * written in one database transaction together with the processed command, so a redelivered command changes nothing
 * and is not answered twice. The offset is committed only after that transaction (at-least-once in, once in effect).
 */
@ApplicationScoped
public class OperationCommandConsumer {

    private static final Logger LOG = Logger.getLogger(OperationCommandConsumer.class);
    static final String COMMAND_TYPE = "org.caisse.operation.command.v1";

    private final TransactionOperationsService operations;

    public OperationCommandConsumer(TransactionOperationsService operations) {
        this.operations = operations;
    }

    @Incoming("operation-commands")
    public Uni<Void> consume(Message<byte[]> message) {
        String position = position(message);
        OperationCommands.Parsed parsed;
        try {
            EventEnvelope envelope = EventEnvelopeCodec.fromJson(message.getPayload());
            if (!COMMAND_TYPE.equals(envelope.type())) {
                LOG.warnf("skipping a record of type %s at %s", envelope.type(), position);
                return Uni.createFrom().completionStage(message::ack);
            }
            parsed = OperationCommands.parse(envelope.data());
        } catch (RuntimeException e) {
            LOG.warnf("skipping an unreadable command at %s: %s", position, e.getClass().getSimpleName());
            return Uni.createFrom().completionStage(message::ack);
        }
        Uni<?> handled = switch (parsed) {
            case OperationCommands.Valid valid -> Uni.createFrom().deferred(() -> operations.operate(valid.command()));
            case OperationCommands.Invalid invalid -> Uni.createFrom().deferred(() -> operations.rejectCommand(
                    invalid.commandId(), invalid.merchantId(), invalid.transactionReference(), invalid.operation(),
                    invalid.field()));
            case OperationCommands.Unanswerable unanswerable -> {
                LOG.warnf("skipping a command without usable id, merchant or reference at %s (%s)", position,
                        unanswerable.reason());
                yield Uni.createFrom().voidItem();
            }
        };
        return handled
                .onFailure().invoke(failure -> LOG.warnf("command at %s not processed yet (%s); retrying", position,
                        failure.getClass().getSimpleName()))
                .onFailure().retry().withBackOff(Duration.ofMillis(500), Duration.ofSeconds(30)).indefinitely()
                .flatMap(ignored -> Uni.createFrom().completionStage(message::ack));
    }

    private static String position(Message<?> message) {
        return message.getMetadata(IncomingKafkaRecordMetadata.class)
                .map(m -> m.getTopic() + "-" + m.getPartition() + "@" + m.getOffset())
                .orElse("unknown position");
    }
}
