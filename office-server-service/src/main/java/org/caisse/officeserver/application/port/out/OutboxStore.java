package org.caisse.officeserver.application.port.out;

import java.util.List;
import java.util.function.Function;

import io.smallrye.mutiny.Uni;

/** The pending outbox messages. */
public interface OutboxStore {

    /**
     * In one database transaction: claims up to {@code limit} unpublished messages (oldest first, rows
     * locked, rows claimed by another relay skipped), hands them to {@code publisher}, and marks them
     * published only when the publisher succeeded. On failure nothing is marked and they are retried.
     *
     * @return how many messages were published
     */
    Uni<Integer> publishPending(int limit, Function<List<OutboxMessage>, Uni<Void>> publisher);
}
