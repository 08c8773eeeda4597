-- Sips wallets: a merchant's customer wallet (merchantWalletId) holds payment means, each a vaulted card of the same
-- merchant, ranked by paymentMeanId. Deleted payment means stay (deleted_at set) for the history of transactions.
CREATE TABLE wallet_payment_mean (
    id                  uuid         PRIMARY KEY,
    merchant_id         varchar(15)  NOT NULL,
    merchant_wallet_id  varchar(21)  NOT NULL,
    -- rank in the wallet, 1, 2, ...; never reused, deleted ranks included
    payment_mean_id     integer      NOT NULL CHECK (payment_mean_id > 0),
    card_id             uuid         NOT NULL,
    payment_mean_alias  varchar(64),
    payment_mean_brand  varchar(30),
    created_at          timestamptz  NOT NULL,
    deleted_at          timestamptz,
    CONSTRAINT wallet_payment_mean_rank_uk UNIQUE (merchant_id, merchant_wallet_id, payment_mean_id),
    CONSTRAINT wallet_payment_mean_card_fk FOREIGN KEY (card_id, merchant_id)
        REFERENCES card_vault (id, merchant_id)
);

-- a card is at most once in a wallet at a time
CREATE UNIQUE INDEX wallet_payment_mean_active_card_uk
    ON wallet_payment_mean (merchant_id, merchant_wallet_id, card_id) WHERE deleted_at IS NULL;
