-- Idempotency-Key of Office Server calls, scoped by the sealed merchant. A row is claimed (response_status NULL)
-- before the call executes and completed with the exact answer bytes; a replay within expires_at gets those bytes.
CREATE TABLE office_idempotency_key (
    merchant_id      varchar(15)  NOT NULL,
    idempotency_key  varchar(255) NOT NULL,
    -- SHA-256 of the service path and the exact request body bytes
    request_hash     bytea        NOT NULL,
    response_status  integer,
    response_body    bytea,
    created_at       timestamptz  NOT NULL,
    expires_at       timestamptz  NOT NULL,
    PRIMARY KEY (merchant_id, idempotency_key),
    CONSTRAINT office_idempotency_key_completed CHECK ((response_status IS NULL) = (response_body IS NULL))
);

CREATE INDEX office_idempotency_key_expiry ON office_idempotency_key (expires_at);
