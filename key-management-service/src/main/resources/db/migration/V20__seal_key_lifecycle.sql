-- Lifecycle of seal keys: a version is REQUESTED first (downloadable once by the merchant), then ACTIVE,
-- DEPRECATED (verifies until not_after), DEACTIVATED, DESTROYED (material wiped, metadata kept).
ALTER TABLE merchant_secret_key DROP CONSTRAINT merchant_secret_key_status;
ALTER TABLE merchant_secret_key ADD CONSTRAINT merchant_secret_key_status
    CHECK (status IN ('REQUESTED', 'ACTIVE', 'DEPRECATED', 'DEACTIVATED', 'DESTROYED'));
ALTER TABLE merchant_secret_key
    ADD COLUMN activated_at     timestamptz,
    ADD COLUMN downloaded_at    timestamptz,
    ADD COLUMN deactivated_at   timestamptz,
    ADD COLUMN destroyed_at     timestamptz,
    -- last time the internal fetch API served this version to a service (throttled to one write a minute)
    ADD COLUMN last_used_at     timestamptz,
    -- when the "deprecated key still in use" warning was last raised for this version
    ADD COLUMN usage_warned_at  timestamptz,
    -- which key-encryption key wrapped wrapped_data_key (NULL: written before KEK ids, any loaded KEK is tried)
    ADD COLUMN kek_id           varchar(40);
-- Imported or seeded versions were active from their creation.
UPDATE merchant_secret_key SET activated_at = created_at WHERE status <> 'REQUESTED' AND activated_at IS NULL;
ALTER TABLE merchant_secret_key ADD CONSTRAINT merchant_secret_key_deprecated_has_not_after
    CHECK (status <> 'DEPRECATED' OR not_after IS NOT NULL);
CREATE INDEX merchant_secret_key_deprecated ON merchant_secret_key (not_after) WHERE status = 'DEPRECATED';

ALTER TABLE merchant_cse_key
    ADD COLUMN activated_at   timestamptz,
    ADD COLUMN deactivated_at timestamptz,
    ADD COLUMN kek_id         varchar(40);
UPDATE merchant_cse_key SET activated_at = created_at WHERE activated_at IS NULL;
