package org.caisse.officeserver.application.port.out;

import java.util.List;
import java.util.function.Function;

import io.smallrye.mutiny.Uni;

/** The pending outbox messages. */
public interface OutboxStore {

    /**
     * In one database transaction: unless another relay holds the relay lease (then nothing is published and
     * 0 is returned), claims up to {@code limit} unpublished messages (in insertion order, rows locked), hands them to {@code publisher}, and marks them
     * published only when the publisher succeeded. On failure nothing is marked and they are retried.
     *
     * @return how many messages were published
     */
    Uni<Integer> publishPending(int limit, Function<List<OutboxMessage>, Uni<Void>> publisher);
}
