-- Merchant accounts: the shop settings document of each merchant (docs/platform-contracts.md).
CREATE TABLE merchant (
    merchant_id varchar(15) PRIMARY KEY CHECK (merchant_id ~ '^[0-9]{15}$'),
    settings    jsonb       NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now()
);

-- Kafka records written in the same transaction as the change they announce, published by the relay.
-- id is the CloudEvents id (the consumers' dedupe key); payload the encoded CloudEvents JSON.
CREATE TABLE outbox (
    id           uuid        PRIMARY KEY,
    topic        text        NOT NULL,
    record_key   text        NOT NULL,
    payload      text        NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT clock_timestamp(),
    published_at timestamptz
);

CREATE INDEX outbox_pending ON outbox (created_at, id) WHERE published_at IS NULL;
