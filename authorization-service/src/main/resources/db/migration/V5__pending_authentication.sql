-- An authorization waiting for the cardholder's 3-D Secure challenge: the request without any card data (the card
-- is in the vault, the CSC is not kept), single use, with an expiry.
CREATE TABLE pending_authentication (
    id                    uuid         PRIMARY KEY,
    merchant_id           varchar(15)  NOT NULL,
    transaction_reference varchar(35)  NOT NULL,
    request               jsonb        NOT NULL,
    card_id               uuid         NOT NULL,
    three_ds_mandatory    boolean      NOT NULL,
    created_at            timestamptz  NOT NULL DEFAULT now(),
    expires_at            timestamptz  NOT NULL
);
CREATE INDEX pending_authentication_expiry_idx ON pending_authentication (expires_at);
