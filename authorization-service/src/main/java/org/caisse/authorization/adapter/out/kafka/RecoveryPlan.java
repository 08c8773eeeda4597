package org.caisse.authorization.adapter.out.kafka;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * For one topic of a relay run: which records to read before sending (those beyond the stored positions: a previous
 * run's send that Kafka kept but whose database commit never happened), and the positions to store afterwards.
 * Pure: the Kafka and database sides are elsewhere.
 */
final class RecoveryPlan {

    /** Read a partition from its log start: no usable position (first run on the topic, or the topic changed). */
    static final long FROM_LOG_START = -1;

    private final String topic;
    private final String topicId;
    private final Map<Integer, Long> scanFrom;
    private final Map<Integer, Long> scanUntil;
    private final Map<Integer, Long> afterScan;
    private final List<String> resets;

    private RecoveryPlan(String topic, String topicId, Map<Integer, Long> scanFrom, Map<Integer, Long> scanUntil,
                         Map<Integer, Long> afterScan, List<String> resets) {
        this.topic = topic;
        this.topicId = topicId;
        this.scanFrom = Collections.unmodifiableMap(scanFrom);
        this.scanUntil = Collections.unmodifiableMap(scanUntil);
        this.afterScan = Collections.unmodifiableMap(afterScan);
        this.resets = List.copyOf(resets);
    }

    /**
     * Compares what the relay stored with what Kafka holds. A partition whose end is beyond its position is read from
     * the position; one without a position, or whose end went below its position, or of a topic whose id changed, is
     * read from its log start (the last two are a deleted and recreated topic: reported in {@link #resets()}).
     */
    static RecoveryPlan of(TopicPositions stored, Optional<TopicLog> log) {
        String topic = stored.topic();
        List<String> resets = new ArrayList<>();
        if (log.isEmpty()) {
            if (!stored.nextOffsets().isEmpty()) {
                resets.add("topic " + topic + " no longer exists; its positions " + stored.nextOffsets()
                        + " are forgotten");
            }
            return new RecoveryPlan(topic, null, Map.of(), Map.of(), Map.of(), resets);
        }
        TopicLog current = log.get();
        Map<Integer, Long> positions = stored.nextOffsets();
        if (stored.topicId() != null && !Objects.equals(stored.topicId(), current.topicId())) {
            resets.add("topic " + topic + " was recreated (id " + stored.topicId() + " is now " + current.topicId()
                    + "); positions " + new TreeMap<>(positions) + " are forgotten");
            positions = Map.of();
        }
        Map<Integer, Long> scanFrom = new HashMap<>();
        Map<Integer, Long> scanUntil = new HashMap<>();
        for (Map.Entry<Integer, Long> partition : current.endOffsets().entrySet()) {
            int p = partition.getKey();
            long end = partition.getValue();
            Long position = positions.get(p);
            if (position == null) {
                if (end > 0) {
                    scanFrom.put(p, FROM_LOG_START);
                    scanUntil.put(p, end);
                }
            } else if (position > end) {
                resets.add("partition " + topic + "-" + p + " ends at " + end + ", below the stored position "
                        + position + " (topic recreated or truncated); reading it from its start");
                scanFrom.put(p, FROM_LOG_START);
                scanUntil.put(p, end);
            } else if (position < end) {
                scanFrom.put(p, position);
                scanUntil.put(p, end);
            }
        }
        for (Integer p : positions.keySet()) {
            if (!current.endOffsets().containsKey(p)) {
                resets.add("partition " + topic + "-" + p + " no longer exists; its position is forgotten");
            }
        }
        return new RecoveryPlan(topic, current.topicId(), scanFrom, scanUntil, new HashMap<>(current.endOffsets()),
                resets);
    }

    String topic() {
        return topic;
    }

    /** Partition → first offset to read ({@link #FROM_LOG_START} for the log start). */
    Map<Integer, Long> scanFrom() {
        return scanFrom;
    }

    /** Partition → end offset seen by the check: the scan is done once the consumer reaches it. */
    Map<Integer, Long> scanUntil() {
        return scanUntil;
    }

    /** The ranges to read, for the log: {@code partition:from..until}, {@code start} for the log start. */
    String ranges() {
        StringBuilder ranges = new StringBuilder();
        new TreeMap<>(scanFrom).forEach((p, from) -> ranges.append(ranges.isEmpty() ? "" : ", ").append(p).append(':')
                .append(from == FROM_LOG_START ? "start" : String.valueOf(from)).append("..").append(scanUntil.get(p)));
        return ranges.toString();
    }

    boolean needsScan() {
        return !scanFrom.isEmpty();
    }

    /** Why stored positions were dropped, for a warning; empty normally. */
    List<String> resets() {
        return resets;
    }

    /**
     * The positions to store after a scan that ran out of time: each scanned partition moves to where the scan got
     * (every record below it was read and its row marked), the others to the end the check saw (nothing to read
     * there). The next run reads on from there instead of starting over.
     */
    TopicPositions afterPartialScan(Map<Integer, Long> reached) {
        Map<Integer, Long> next = new HashMap<>(afterScan);
        scanFrom.keySet().forEach(p -> {
            Long got = reached.get(p);
            if (got == null || got < 0) {
                next.remove(p);
            } else {
                next.put(p, got);
            }
        });
        return new TopicPositions(topic, topicId, next);
    }

    /**
     * The positions to store once the scan is done and the run's records are acknowledged. A partition moves past
     * the run's records only when they directly follow the scanned end (no other producer wrote in between);
     * otherwise it stays at the scanned end and the next run reads the gap, the run's own records included (they
     * are published already, so reading them changes nothing). A partition the check did not know (the topic was
     * created by this run's send) is taken to start at 0.
     */
    TopicPositions afterSend(Map<Integer, List<Long>> acknowledgedOffsets) {
        Map<Integer, Long> next = new HashMap<>(afterScan);
        for (Map.Entry<Integer, List<Long>> written : acknowledgedOffsets.entrySet()) {
            List<Long> offsets = new ArrayList<>(written.getValue());
            if (offsets.isEmpty()) {
                continue;
            }
            Collections.sort(offsets);
            long first = offsets.get(0);
            long last = offsets.get(offsets.size() - 1);
            long expectedFirst = afterScan.getOrDefault(written.getKey(), 0L);
            boolean contiguous = last - first + 1 == offsets.size();
            if (first == expectedFirst && contiguous) {
                next.put(written.getKey(), last + 1);
            }
        }
        return new TopicPositions(topic, topicId, next);
    }
}
