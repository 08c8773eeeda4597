package org.caisse.authorization.adapter.out.kafka;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Table {@code relay_position}: the relay's positions per (topic, partition), read and written inside the relay
 * run's database transaction, so they commit or roll back with the {@code published_at} marks they describe.
 */
@ApplicationScoped
public class RelayPositionStore {

    /** The stored positions of these topics (a topic never relayed has none). */
    Uni<Map<String, TopicPositions>> load(SqlConnection conn, Collection<String> topics) {
        return conn.preparedQuery("""
                        SELECT topic, kafka_partition, next_offset, topic_id FROM relay_position
                         WHERE topic = ANY($1)""")
                .execute(Tuple.of(topics.toArray(new String[0])))
                .map(rows -> {
                    Map<String, String> ids = new HashMap<>();
                    Map<String, Map<Integer, Long>> offsets = new HashMap<>();
                    for (Row row : rows) {
                        String topic = row.getString("topic");
                        offsets.computeIfAbsent(topic, t -> new HashMap<>())
                                .put(row.getInteger("kafka_partition"), row.getLong("next_offset"));
                        if (row.getString("topic_id") != null) {
                            ids.put(topic, row.getString("topic_id"));
                        }
                    }
                    Map<String, TopicPositions> positions = new LinkedHashMap<>();
                    for (String topic : topics) {
                        positions.put(topic, new TopicPositions(topic, ids.get(topic),
                                offsets.getOrDefault(topic, Map.of())));
                    }
                    return positions;
                });
    }

    /** Replaces the positions of each given topic (partitions gone with a recreated topic disappear). */
    Uni<Void> save(SqlConnection conn, Collection<TopicPositions> positions) {
        if (positions.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<String> topics = new ArrayList<>();
        List<String> rowTopics = new ArrayList<>();
        List<Integer> partitions = new ArrayList<>();
        List<Long> offsets = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (TopicPositions topic : positions) {
            topics.add(topic.topic());
            topic.nextOffsets().forEach((partition, offset) -> {
                rowTopics.add(topic.topic());
                partitions.add(partition);
                offsets.add(offset);
                ids.add(topic.topicId());
            });
        }
        return conn.preparedQuery("DELETE FROM relay_position WHERE topic = ANY($1)")
                .execute(Tuple.of(topics.toArray(new String[0])))
                .flatMap(deleted -> rowTopics.isEmpty() ? Uni.createFrom().voidItem() : conn.preparedQuery("""
                                INSERT INTO relay_position (topic, kafka_partition, next_offset, topic_id, updated_at)
                                SELECT * , now() FROM unnest($1::varchar[], $2::int[], $3::bigint[], $4::varchar[])""")
                        .execute(Tuple.of(rowTopics.toArray(new String[0]), partitions.toArray(new Integer[0]),
                                offsets.toArray(new Long[0]), ids.toArray(new String[0])))
                        .replaceWithVoid());
    }
}
