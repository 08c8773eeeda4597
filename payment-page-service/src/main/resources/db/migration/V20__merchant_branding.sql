-- A merchant's look on the hosted page, owned by the page (written through the internal branding API).
-- Colours and texts are validated before they are stored; every binary or text asset carries the SHA-256 of
-- its content, which the page puts in the asset's URL (?v=) so browsers may cache it for a long time.
CREATE TABLE merchant_branding (
    merchant_id       VARCHAR(15) PRIMARY KEY,
    colours           JSONB,
    texts             JSONB       NOT NULL DEFAULT '{}'::jsonb,
    default_template  VARCHAR(64),
    logo              BYTEA,
    logo_type         VARCHAR(20),
    logo_hash         VARCHAR(64),
    updated_at        TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- A merchant's stylesheets, as re-serialized by the sanitizer (never the uploaded bytes).
CREATE TABLE merchant_stylesheet (
    merchant_id  VARCHAR(15) NOT NULL,
    name         VARCHAR(64) NOT NULL,
    css          TEXT        NOT NULL,
    hash         VARCHAR(64) NOT NULL,
    updated_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (merchant_id, name)
);
