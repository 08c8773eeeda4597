-- Transactions of the payment engine: one row per (merchant, transactionReference), never a full PAN or CSC.
CREATE TABLE transaction (
    id                     uuid         PRIMARY KEY,
    merchant_id            varchar(15)  NOT NULL,
    transaction_reference  varchar(35)  NOT NULL,
    status                 varchar(20)  NOT NULL,
    amount                 bigint       NOT NULL CHECK (amount > 0),
    current_amount         bigint       NOT NULL CHECK (current_amount >= 0 AND current_amount <= amount),
    currency_code          char(3)      NOT NULL,
    capture_mode           varchar(20)  NOT NULL,
    capture_day            smallint     NOT NULL CHECK (capture_day BETWEEN 0 AND 99),
    capture_limit_date     date,
    order_channel          varchar(20),
    masked_pan             varchar(19),
    pan_expiry_date        char(6),
    payment_mean_brand     varchar(30),
    payment_mean_type      varchar(20),
    card_csc_result_code   varchar(2),
    response_code          char(2)      NOT NULL,
    acquirer_response_code varchar(2),
    authorisation_id       varchar(10),
    holder_authent_status  varchar(20),
    guarantee_indicator    varchar(1),
    transaction_date_time  timestamptz  NOT NULL,
    last_operation_name    varchar(30),
    last_operation_amount  bigint,
    last_operation_at      timestamptz,
    order_id               varchar(128),
    return_context         varchar(512),
    customer_id            varchar(64),
    customer_email         varchar(256),
    customer_ip_address    varchar(64),
    statement_reference    varchar(64),
    transaction_origin     varchar(64),
    payment_pattern        varchar(20),
    customer_language      varchar(8),
    notification           jsonb,
    created_at             timestamptz  NOT NULL DEFAULT now(),
    updated_at             timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT transaction_merchant_reference_uk UNIQUE (merchant_id, transaction_reference)
);

-- Every operation applied or refused on a transaction; operation_id makes a merchant's operation idempotent.
CREATE TABLE operation (
    seq                 bigserial    PRIMARY KEY,
    id                  uuid         NOT NULL UNIQUE,
    transaction_id      uuid         NOT NULL REFERENCES transaction (id),
    merchant_id         varchar(15)  NOT NULL,
    operation_id        varchar(64),
    name                varchar(30)  NOT NULL,
    amount              bigint       NOT NULL,
    currency_code       char(3)      NOT NULL,
    operation_date_time timestamptz  NOT NULL,
    response_code       char(2)      NOT NULL,
    operation_origin    varchar(64),
    response_json       text,
    CONSTRAINT operation_merchant_operation_uk UNIQUE (merchant_id, operation_id)
);
CREATE INDEX operation_transaction_idx ON operation (transaction_id, seq);

-- Events written with the change they report, published to Kafka by the relay.
CREATE TABLE outbox (
    id           uuid         PRIMARY KEY,
    topic        varchar(249) NOT NULL,
    record_key   varchar(64)  NOT NULL,
    payload      bytea        NOT NULL,
    created_at   timestamptz  NOT NULL DEFAULT now(),
    published_at timestamptz
);
CREATE INDEX outbox_unpublished_idx ON outbox (created_at) WHERE published_at IS NULL;
