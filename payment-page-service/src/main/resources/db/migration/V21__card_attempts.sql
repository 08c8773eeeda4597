-- Rejected card entries per payment request (card-testing defence: a session ends after too many).
CREATE TABLE card_entry_rejection (
    payment_request_id  UUID        PRIMARY KEY,
    rejections          INT         NOT NULL,
    updated_at          TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Card submissions across sessions, by a keyed hash (HMAC-SHA-256) of the card number: never the number.
-- Rows older than the counting window are pruned.
CREATE TABLE card_submission (
    fingerprint   VARCHAR(64) NOT NULL,
    submitted_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX card_submission_by_fingerprint ON card_submission (fingerprint, submitted_at);
CREATE INDEX card_submission_by_time ON card_submission (submitted_at);
