-- Office Batch request files received from merchants (SIPS.md §9), one row per accepted or rejected file.
-- A fileReference is unique per merchant: a second file with the same reference is a file-level error.
CREATE TABLE batch_file (
    id             uuid         NOT NULL,
    merchant_id    varchar(15)  NOT NULL,
    file_reference varchar(35)  NOT NULL,
    file_name      varchar(255) NOT NULL,
    status         varchar(20)  NOT NULL,
    received_at    timestamptz  NOT NULL,
    record_count   integer,
    CONSTRAINT batch_file_pk PRIMARY KEY (id),
    CONSTRAINT batch_file_merchant_file_reference_uk UNIQUE (merchant_id, file_reference),
    CONSTRAINT batch_file_merchant_id_format CHECK (merchant_id ~ '^[0-9]{15}$'),
    CONSTRAINT batch_file_record_count_not_negative CHECK (record_count IS NULL OR record_count >= 0)
);
