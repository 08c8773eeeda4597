-- Events already turned into deliveries: the consumer's dedupe key (at-least-once delivery from Kafka).
CREATE TABLE processed_event (
    event_id     VARCHAR(200) PRIMARY KEY,
    event_type   VARCHAR(200) NOT NULL,
    processed_at TIMESTAMPTZ  NOT NULL DEFAULT now()
);

-- One message to one endpoint for one event, with the state of its attempts.
CREATE TABLE delivery (
    id                    UUID PRIMARY KEY,
    event_id              VARCHAR(200)  NOT NULL,
    merchant_id           VARCHAR(32)   NOT NULL,
    transaction_reference VARCHAR(64)   NOT NULL,
    channel               VARCHAR(32)   NOT NULL,
    endpoint              VARCHAR(2048) NOT NULL,
    payload               JSONB         NOT NULL DEFAULT '{}'::jsonb,
    status                VARCHAR(16)   NOT NULL CHECK (status IN ('PENDING', 'RETRYING', 'DELIVERED', 'FAILED')),
    attempts              INTEGER       NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    next_attempt_at       TIMESTAMPTZ,
    last_error            VARCHAR(500),
    created_at            TIMESTAMPTZ   NOT NULL,
    delivered_at          TIMESTAMPTZ,
    CONSTRAINT delivery_event_endpoint_uk UNIQUE (event_id, endpoint),
    CONSTRAINT delivery_open_has_next_attempt CHECK (status NOT IN ('PENDING', 'RETRYING') OR next_attempt_at IS NOT NULL),
    CONSTRAINT delivery_delivered_has_time CHECK (status <> 'DELIVERED' OR delivered_at IS NOT NULL)
);

-- The worker's claim query: open deliveries by due time.
CREATE INDEX delivery_due_idx ON delivery (next_attempt_at) WHERE status IN ('PENDING', 'RETRYING');
-- Support's lookup.
CREATE INDEX delivery_merchant_idx ON delivery (merchant_id, transaction_reference, created_at DESC);

-- The history of attempts of each delivery.
CREATE TABLE delivery_attempt (
    delivery_id    UUID         NOT NULL REFERENCES delivery (id),
    attempt_number INTEGER      NOT NULL CHECK (attempt_number >= 1),
    attempted_at   TIMESTAMPTZ  NOT NULL,
    succeeded      BOOLEAN      NOT NULL,
    detail         VARCHAR(500),
    PRIMARY KEY (delivery_id, attempt_number)
);
