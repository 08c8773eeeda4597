package org.caisse.authorization.adapter.out.kafka;

import java.util.Map;

/** A topic as Kafka holds it when a relay run starts: its id and, per partition, the offset the next record gets. */
record TopicLog(String topic, String topicId, Map<Integer, Long> endOffsets) {

    TopicLog {
        endOffsets = Map.copyOf(endOffsets);
    }
}
