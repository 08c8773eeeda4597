package org.caisse.authorization.adapter.out.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RecoveryPlanTest {

    static final String TOPIC = "t";

    static TopicPositions stored(String topicId, Map<Integer, Long> offsets) {
        return new TopicPositions(TOPIC, topicId, offsets);
    }

    static Optional<TopicLog> log(String topicId, Map<Integer, Long> ends) {
        return Optional.of(new TopicLog(TOPIC, topicId, ends));
    }

    @Test
    void aScanThatRanOutOfTimeStoresHowFarItGotSoThatTheNextRunReadsOn() {
        // partition 0 known up to 100 but Kafka holds 900 more; partition 1 never seen; partition 2 up to date
        RecoveryPlan plan = RecoveryPlan.of(stored("A", Map.of(0, 100L, 2, 7L)), log("A", Map.of(0, 1000L, 1, 50L, 2, 7L)));
        assertThat(plan.scanFrom()).containsOnlyKeys(0, 1);

        TopicPositions soFar = plan.afterPartialScan(Map.of(0, 400L, 1, 50L));

        assertThat(soFar.nextOffsets()).isEqualTo(Map.of(0, 400L, 1, 50L, 2, 7L));
        RecoveryPlan next = RecoveryPlan.of(soFar, log("A", Map.of(0, 1000L, 1, 50L, 2, 7L)));
        assertThat(next.scanFrom()).as("the next run reads on from where the scan stopped").isEqualTo(Map.of(0, 400L));
    }

    @Test
    void kafkaEndingWhereTheRelayStoppedNeedsNoScan() {
        RecoveryPlan plan = RecoveryPlan.of(stored("A", Map.of(0, 10L, 1, 4L)), log("A", Map.of(0, 10L, 1, 4L)));

        assertThat(plan.needsScan()).isFalse();
        assertThat(plan.resets()).isEmpty();
        assertThat(plan.afterSend(Map.of()).nextOffsets()).isEqualTo(Map.of(0, 10L, 1, 4L));
    }

    @Test
    void recordsBeyondTheStoredPositionAreReadFromThatPosition() {
        RecoveryPlan plan = RecoveryPlan.of(stored("A", Map.of(0, 10L, 1, 4L)), log("A", Map.of(0, 13L, 1, 4L)));

        assertThat(plan.scanFrom()).isEqualTo(Map.of(0, 10L));
        assertThat(plan.scanUntil()).isEqualTo(Map.of(0, 13L));
        assertThat(plan.ranges()).isEqualTo("0:10..13");
        assertThat(plan.resets()).isEmpty();
    }

    @Test
    void aTopicNeverRelayedIsReadFromTheLogStartOfEveryNonEmptyPartition() {
        RecoveryPlan plan = RecoveryPlan.of(TopicPositions.none(TOPIC), log("A", Map.of(0, 3L, 1, 0L, 2, 7L)));

        assertThat(plan.scanFrom()).isEqualTo(Map.of(0, RecoveryPlan.FROM_LOG_START, 2, RecoveryPlan.FROM_LOG_START));
        assertThat(plan.scanUntil()).isEqualTo(Map.of(0, 3L, 2, 7L));
        assertThat(plan.ranges()).isEqualTo("0:start..3, 2:start..7");
        assertThat(plan.resets()).isEmpty();
        assertThat(plan.afterSend(Map.of()).topicId()).isEqualTo("A");
    }

    @Test
    void offsetsGoingBackwardsResetThePartitionToItsLogStart() {
        RecoveryPlan plan = RecoveryPlan.of(stored(null, Map.of(0, 50L, 1, 2L)), log("B", Map.of(0, 5L, 1, 2L)));

        assertThat(plan.scanFrom()).isEqualTo(Map.of(0, RecoveryPlan.FROM_LOG_START));
        assertThat(plan.scanUntil()).isEqualTo(Map.of(0, 5L));
        assertThat(plan.resets()).singleElement().asString().contains("t-0", "below the stored position 50");
    }

    @Test
    void aRecreatedTopicIsRecognizedByItsIdEvenWhenItsOffsetsAreAhead() {
        RecoveryPlan plan = RecoveryPlan.of(stored("A", Map.of(0, 5L, 1, 5L)), log("B", Map.of(0, 9L, 1, 0L)));

        assertThat(plan.scanFrom()).isEqualTo(Map.of(0, RecoveryPlan.FROM_LOG_START));
        assertThat(plan.resets()).singleElement().asString().contains("recreated");
        assertThat(plan.afterSend(Map.of())).isEqualTo(new TopicPositions(TOPIC, "B", Map.of(0, 9L, 1, 0L)));
    }

    @Test
    void aDeletedTopicForgetsItsPositionsAndScansNothing() {
        RecoveryPlan plan = RecoveryPlan.of(stored("A", Map.of(0, 5L)), Optional.empty());

        assertThat(plan.needsScan()).isFalse();
        assertThat(plan.resets()).singleElement().asString().contains("no longer exists");
        assertThat(plan.afterSend(Map.of()).nextOffsets()).isEmpty();
    }

    @Test
    void aMissingTopicWithoutPositionsIsNoReset() {
        RecoveryPlan plan = RecoveryPlan.of(TopicPositions.none(TOPIC), Optional.empty());

        assertThat(plan.resets()).isEmpty();
        assertThat(plan.needsScan()).isFalse();
    }

    @Test
    void aPartitionThatDisappearedIsForgotten() {
        RecoveryPlan plan = RecoveryPlan.of(stored("A", Map.of(0, 1L, 3, 8L)), log("A", Map.of(0, 1L)));

        assertThat(plan.resets()).singleElement().asString().contains("t-3");
        assertThat(plan.afterSend(Map.of()).nextOffsets()).isEqualTo(Map.of(0, 1L));
    }

    @Test
    void positionsMovePastTheRunsRecordsWhenTheyFollowTheCheckedEnd() {
        RecoveryPlan plan = RecoveryPlan.of(stored("A", Map.of(0, 10L, 1, 4L)), log("A", Map.of(0, 10L, 1, 4L)));

        TopicPositions after = plan.afterSend(Map.of(0, List.of(11L, 10L, 12L), 1, List.of(4L)));

        assertThat(after.nextOffsets()).isEqualTo(Map.of(0, 13L, 1, 5L));
    }

    @Test
    void anotherProducersRecordsBeforeOrBetweenTheRunsKeepThePositionAtTheCheckedEnd() {
        RecoveryPlan plan = RecoveryPlan.of(stored("A", Map.of(0, 10L, 1, 4L)), log("A", Map.of(0, 10L, 1, 4L)));

        // partition 0: a foreign record took offset 10; partition 1: one took offset 5, between the run's records
        TopicPositions after = plan.afterSend(Map.of(0, List.of(11L, 12L), 1, List.of(4L, 6L)));

        assertThat(after.nextOffsets()).isEqualTo(Map.of(0, 10L, 1, 4L));
    }

    @Test
    void aTopicCreatedByTheRunsSendStartsAtZero() {
        RecoveryPlan plan = RecoveryPlan.of(TopicPositions.none(TOPIC), Optional.empty());

        TopicPositions after = plan.afterSend(Map.of(0, List.of(0L, 1L), 2, List.of(3L, 4L)));

        assertThat(after.nextOffsets()).isEqualTo(Map.of(0, 2L));
        assertThat(after.topicId()).isNull();
    }
}
