-- Where the outbox relay's knowledge of each Kafka partition ends: every record below next_offset is either one
-- the relay committed as published or one a recovery scan has read. Written in the transaction that sets
-- outbox.published_at, so a crash between Kafka's acknowledgement and that commit leaves Kafka ahead of it; the next
-- run reads the records beyond next_offset (header caisse-outbox-id) and marks their rows published instead of
-- sending them again. topic_id is Kafka's id of the topic: a deleted and recreated topic gets another one.
CREATE TABLE relay_position (
    topic           varchar(249) NOT NULL,
    kafka_partition integer      NOT NULL CHECK (kafka_partition >= 0),
    next_offset     bigint       NOT NULL CHECK (next_offset >= 0),
    topic_id        varchar(32),
    updated_at      timestamptz  NOT NULL DEFAULT now(),
    PRIMARY KEY (topic, kafka_partition)
);
