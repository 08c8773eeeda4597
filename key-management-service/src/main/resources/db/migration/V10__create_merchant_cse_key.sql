-- Client-side-encryption (CSE) key pairs of the merchants: shops encrypt card data in the browser with the public
-- key (JWE ECDH-ES+A256KW / A256GCM on P-256); authorization-service decrypts it with the private key.
-- The public JWK is in clear (it is published). The private JWK is envelope-encrypted as the seal keys are:
-- encrypted_private_key under a per-row AES-256-GCM data key, wrapped_data_key under the key-encryption key (never
-- stored here), both bound to 'merchantId|kid' as associated data.
CREATE TABLE merchant_cse_key (
    merchant_id           varchar(15) NOT NULL,
    kid                   varchar(64) NOT NULL,
    status                varchar(11) NOT NULL,
    not_after             timestamptz,
    created_at            timestamptz NOT NULL,
    public_jwk            text        NOT NULL,
    wrapped_data_key      bytea,
    encrypted_private_key bytea,
    CONSTRAINT merchant_cse_key_pk PRIMARY KEY (merchant_id, kid),
    -- A kid names one pair of one merchant: it is what the shop's JWE header carries.
    CONSTRAINT merchant_cse_key_kid_uk UNIQUE (kid),
    CONSTRAINT merchant_cse_key_merchant_id_format CHECK (merchant_id ~ '^[0-9]{15}$'),
    CONSTRAINT merchant_cse_key_kid_format CHECK (kid ~ '^[A-Za-z0-9._-]{1,64}$'),
    CONSTRAINT merchant_cse_key_status CHECK (status IN ('ACTIVE', 'DEPRECATED', 'DEACTIVATED', 'DESTROYED')),
    -- Deprecation always comes with a deadline.
    CONSTRAINT merchant_cse_key_deprecated_has_not_after CHECK (status <> 'DEPRECATED' OR not_after IS NOT NULL),
    -- Only a destroyed pair may lack its private key (destruction erases it).
    CONSTRAINT merchant_cse_key_material_present CHECK (
        status = 'DESTROYED' OR (wrapped_data_key IS NOT NULL AND encrypted_private_key IS NOT NULL))
);

CREATE INDEX merchant_cse_key_by_merchant ON merchant_cse_key (merchant_id, created_at DESC);
