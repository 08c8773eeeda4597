-- Key events, written in the same transaction as the state change they describe, published to caisse.keys.v1
-- by the relay (at least once; consumers dedupe by the CloudEvents id, which is this row's id).
CREATE TABLE key_event_outbox (
    id           uuid        NOT NULL PRIMARY KEY,
    merchant_id  varchar(15) NOT NULL,
    event_type   varchar(80) NOT NULL,
    payload      bytea       NOT NULL,
    created_at   timestamptz NOT NULL,
    published_at timestamptz
);
CREATE INDEX key_event_outbox_pending ON key_event_outbox (created_at) WHERE published_at IS NULL;
