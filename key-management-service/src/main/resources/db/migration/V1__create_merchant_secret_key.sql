-- Merchant secret (seal) keys, one row per merchant and key version.
-- The material is envelope-encrypted: encrypted_secret is the secret under a per-row AES-256-GCM data key,
-- wrapped_data_key is that data key under the key-encryption key (which is never stored here).
-- Both ciphertexts are bound to 'merchantId|keyVersion' as associated data.
CREATE TABLE merchant_secret_key (
    merchant_id      varchar(15) NOT NULL,
    key_version      integer     NOT NULL,
    environment      varchar(10) NOT NULL,
    status           varchar(11) NOT NULL,
    not_after        timestamptz,
    created_at       timestamptz NOT NULL,
    wrapped_data_key bytea,
    encrypted_secret bytea,
    CONSTRAINT merchant_secret_key_pk PRIMARY KEY (merchant_id, key_version),
    CONSTRAINT merchant_secret_key_merchant_id_format CHECK (merchant_id ~ '^[0-9]{15}$'),
    CONSTRAINT merchant_secret_key_version_positive CHECK (key_version >= 1),
    CONSTRAINT merchant_secret_key_environment CHECK (environment IN ('TEST', 'PRODUCTION')),
    CONSTRAINT merchant_secret_key_status CHECK (status IN ('ACTIVE', 'DEPRECATED', 'DEACTIVATED', 'DESTROYED')),
    -- Only a destroyed version may lack its material (destruction erases it).
    CONSTRAINT merchant_secret_key_material_present CHECK (
        status = 'DESTROYED' OR (wrapped_data_key IS NOT NULL AND encrypted_secret IS NOT NULL))
);
