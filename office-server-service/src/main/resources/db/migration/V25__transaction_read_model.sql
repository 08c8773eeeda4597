-- The back office's copy of the transactions (caisse.transactions.v1), one row per transaction: the state of the
-- newest event seen. last_event_id / last_event_time make redeliveries and late events harmless: a row is only
-- replaced by a newer event (by CloudEvents time).
CREATE TABLE transaction_view (
    merchant_id              varchar(15)  NOT NULL,
    transaction_reference    varchar(35)  NOT NULL,
    status                   text,
    response_code            text,
    amount                   bigint       NOT NULL CHECK (amount >= 0),
    current_amount           bigint       NOT NULL,
    currency_code            char(3)      NOT NULL,
    payment_mean_brand       text,
    masked_pan               varchar(19),
    transaction_date_time    timestamptz  NOT NULL,
    transaction_offset       text         NOT NULL,
    last_operation_name      text,
    last_operation_date_time timestamptz,
    last_event_id            text         NOT NULL,
    last_event_type          text         NOT NULL,
    last_event_time          timestamptz  NOT NULL,
    updated_at               timestamptz  NOT NULL DEFAULT clock_timestamp(),
    PRIMARY KEY (merchant_id, transaction_reference)
);

-- Listing newest first with keyset pagination, and daily totals of a merchant.
CREATE INDEX transaction_view_by_date ON transaction_view (merchant_id, transaction_date_time DESC, transaction_reference DESC);
CREATE INDEX transaction_view_by_status ON transaction_view (merchant_id, status, transaction_date_time DESC);
