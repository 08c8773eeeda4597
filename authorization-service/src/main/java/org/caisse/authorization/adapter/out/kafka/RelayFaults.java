package org.caisse.authorization.adapter.out.kafka;

import java.util.Set;

/**
 * The point of a relay run where a crash duplicates events without recovery: Kafka has acknowledged the run's
 * records and the database transaction marking them published has not committed yet. The application's bean
 * ({@link NoRelayFaults}) does nothing; tests replace it to fail the run exactly there.
 */
public interface RelayFaults {

    /** Called after the run's writes, just before its commit; throwing rolls the run back. */
    void beforeCommit(Set<String> topics);
}
