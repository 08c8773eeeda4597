-- Local cache of the merchant settings distributed on the merchants topic (newest event by event time).
CREATE TABLE merchant_settings (
    merchant_id  VARCHAR(15) PRIMARY KEY,
    settings     JSONB        NOT NULL,
    event_id     VARCHAR(200) NOT NULL,
    event_time   TIMESTAMPTZ  NOT NULL,
    updated_at   TIMESTAMPTZ  NOT NULL DEFAULT now()
);

-- A shopper's session from the merchant's Paypage POST to the return to the shop.
-- Never holds a PAN or a CVV: the snapshot carries the Sips masked PAN only.
CREATE TABLE payment_request (
    id                    UUID PRIMARY KEY,
    merchant_id           VARCHAR(15)  NOT NULL,
    transaction_reference VARCHAR(35)  NOT NULL,
    fields                JSONB        NOT NULL,
    seal_algorithm        VARCHAR(20)  NOT NULL,
    encode                VARCHAR(10)  NOT NULL DEFAULT '',
    interface_version     VARCHAR(20)  NOT NULL,
    csrf_token            VARCHAR(64)  NOT NULL,
    status                VARCHAR(20)  NOT NULL,
    snapshot              JSONB,
    created_at            TIMESTAMPTZ  NOT NULL,
    expires_at            TIMESTAMPTZ  NOT NULL,
    completed_at          TIMESTAMPTZ,
    CONSTRAINT payment_request_reference_once UNIQUE (merchant_id, transaction_reference),
    CONSTRAINT payment_request_status_known CHECK (status IN ('PENDING', 'AUTHORIZING', 'COMPLETED'))
);
