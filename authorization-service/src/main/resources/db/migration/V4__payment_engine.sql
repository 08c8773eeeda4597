-- The complete payment engine: captured/refunded amounts, credits, vault references, fraud rule, deferred
-- authorization, remittance runs and command deduplication.
ALTER TABLE transaction
    ADD COLUMN kind             varchar(10)  NOT NULL DEFAULT 'PAYMENT' CHECK (kind IN ('PAYMENT', 'CREDIT')),
    ADD COLUMN captured_amount  bigint       NOT NULL DEFAULT 0,
    ADD COLUMN refunded_amount  bigint       NOT NULL DEFAULT 0,
    ADD COLUMN authorized_at    timestamptz,
    ADD COLUMN card_id          uuid,
    ADD COLUMN token_pan        varchar(32),
    ADD COLUMN card_fingerprint varchar(64),
    ADD COLUMN fraud_rule       varchar(40),
    ADD COLUMN duplicated_from  varchar(51);

-- The money invariants hold in the database too, whatever code writes the row.
ALTER TABLE transaction
    ADD CONSTRAINT transaction_captured_within_amount CHECK (captured_amount BETWEEN 0 AND amount),
    ADD CONSTRAINT transaction_refunded_within_captured
        CHECK (refunded_amount >= 0 AND (refunded_amount <= captured_amount OR kind = 'CREDIT'));

-- The remittance run finds due transactions by status and date.
CREATE INDEX transaction_remittance_idx ON transaction (status, capture_limit_date)
    WHERE status IN ('TO_CAPTURE', 'TO_VALIDATE', 'TO_AUTHORIZE', 'REFERRAL', 'TO_CREDIT');
-- Velocity rules count a card's recent attempts at a merchant.
CREATE INDEX transaction_card_velocity_idx ON transaction (merchant_id, card_fingerprint, created_at)
    WHERE card_fingerprint IS NOT NULL;

-- Operation names grew beyond the first two.
ALTER TABLE operation ALTER COLUMN name TYPE varchar(40);

-- Commands from Kafka already answered: a redelivered command changes nothing and is not answered twice.
CREATE TABLE processed_command (
    command_id   varchar(64)  PRIMARY KEY,
    merchant_id  varchar(15)  NOT NULL,
    answer_json  text         NOT NULL,
    processed_at timestamptz  NOT NULL DEFAULT now()
);

-- One row per business date: the replica holding the lease runs the daily remittance; another takes over when the
-- lease runs out before the run finished.
CREATE TABLE remittance_run (
    business_date date         PRIMARY KEY,
    holder        varchar(100),
    lease_until   timestamptz,
    started_at    timestamptz,
    finished_at   timestamptz,
    captured      integer      NOT NULL DEFAULT 0,
    authorized    integer      NOT NULL DEFAULT 0,
    credited      integer      NOT NULL DEFAULT 0,
    expired       integer      NOT NULL DEFAULT 0
);
