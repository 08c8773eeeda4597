-- Emergency revocation under dual control: one custodian asks, another approves before expires_at.
CREATE TABLE key_revocation_approval (
    id           uuid         NOT NULL PRIMARY KEY,
    merchant_id  varchar(15)  NOT NULL,
    key_version  integer      NOT NULL,
    requested_by varchar(200) NOT NULL,
    reason       varchar(500) NOT NULL,
    requested_at timestamptz  NOT NULL,
    expires_at   timestamptz  NOT NULL,
    status       varchar(10)  NOT NULL CHECK (status IN ('PENDING', 'APPROVED', 'EXPIRED')),
    approved_by  varchar(200),
    approved_at  timestamptz,
    CONSTRAINT key_revocation_approval_key FOREIGN KEY (merchant_id, key_version)
        REFERENCES merchant_secret_key (merchant_id, key_version)
);
