-- The card vault: one row per (merchant, card number). The number itself is only here encrypted (AES-256-GCM under
-- a per-row data key, the data key wrapped by the key-encryption key kept outside the database); lookups go through
-- keyed hashes. No CSC is ever stored.
CREATE TABLE card_vault (
    -- keyed hash of (merchant, PAN) as a UUID: the same card always lands on the same row without a read
    id               uuid         PRIMARY KEY,
    merchant_id      varchar(15)  NOT NULL,
    -- HMAC-SHA-256 (lookup key) of the PAN alone, hex: equal for every merchant, for fraud velocity
    fingerprint      char(64)     NOT NULL,
    -- per-merchant token (keyed hash of (merchant, PAN)); letters included, so never a valid card number
    token_pan        varchar(32)  NOT NULL,
    bin              char(6)      NOT NULL,
    last4            char(4)      NOT NULL,
    masked_pan       varchar(19)  NOT NULL,
    -- AES-GCM (IV || ciphertext || tag); associated data binds merchant_id and id
    pan_ciphertext   bytea        NOT NULL,
    wrapped_data_key bytea        NOT NULL,
    kek_id           varchar(64)  NOT NULL,
    -- yyyyMM, the latest expiry seen for the card
    pan_expiry_date  char(6)      NOT NULL,
    created_at       timestamptz  NOT NULL,
    last_used_at     timestamptz  NOT NULL,
    CONSTRAINT card_vault_merchant_token_uk UNIQUE (merchant_id, token_pan),
    -- lets rows of other tables reference a card of their own merchant only
    CONSTRAINT card_vault_id_merchant_uk UNIQUE (id, merchant_id),
    CONSTRAINT card_vault_expiry_ck CHECK (pan_expiry_date ~ '^[0-9]{4}(0[1-9]|1[0-2])$'),
    CONSTRAINT card_vault_bin_ck CHECK (bin ~ '^[0-9]{6}$'),
    CONSTRAINT card_vault_last4_ck CHECK (last4 ~ '^[0-9]{4}$'),
    CONSTRAINT card_vault_token_not_a_pan_ck CHECK (token_pan ~ '[a-z]')
);

CREATE INDEX card_vault_fingerprint_idx ON card_vault (fingerprint);
