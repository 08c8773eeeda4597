-- Each merchant's rules (fraud rules, duplicate permissions) as one JSON document; no row = the defaults.
CREATE TABLE merchant_rules (
    merchant_id  varchar(15)  PRIMARY KEY,
    rules        jsonb        NOT NULL,
    version      bigint       NOT NULL CHECK (version >= 1),
    updated_at   timestamptz  NOT NULL DEFAULT now(),
    updated_by   varchar(64)  NOT NULL
);
