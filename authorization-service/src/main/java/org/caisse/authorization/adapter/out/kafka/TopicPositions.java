package org.caisse.authorization.adapter.out.kafka;

import java.util.Map;
import java.util.TreeMap;

/**
 * What the relay has accounted for on one topic (table {@code relay_position}): in partition {@code p}, every record
 * below {@code nextOffsets.get(p)} is either one the relay committed as published or one a recovery scan has read.
 * {@code topicId} is the Kafka topic id seen when they were stored (null until seen): a deleted and recreated topic
 * gets another one, and then the offsets mean nothing any more.
 */
record TopicPositions(String topic, String topicId, Map<Integer, Long> nextOffsets) {

    TopicPositions {
        nextOffsets = Map.copyOf(nextOffsets);
    }

    static TopicPositions none(String topic) {
        return new TopicPositions(topic, null, Map.of());
    }

    @Override
    public String toString() {
        return topic + "@" + topicId + new TreeMap<>(nextOffsets);
    }
}
