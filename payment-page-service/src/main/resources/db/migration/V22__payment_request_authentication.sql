-- 3-D Secure: authorization-service answered 60 (challenge); the request waits for the shopper's authentication.
-- The pending authentication's id and expiry come from authorization-service (no card data, no CSC).
ALTER TABLE payment_request ADD COLUMN authentication_id VARCHAR(64);
ALTER TABLE payment_request ADD COLUMN authentication_expires_at TIMESTAMPTZ;
ALTER TABLE payment_request DROP CONSTRAINT payment_request_status_known;
ALTER TABLE payment_request ADD CONSTRAINT payment_request_status_known
    CHECK (status IN ('PENDING', 'AUTHORIZING', 'AUTHENTICATING', 'COMPLETED'));
-- A request waiting for an authentication always knows which one.
ALTER TABLE payment_request ADD CONSTRAINT payment_request_authentication_known
    CHECK (status <> 'AUTHENTICATING' OR (authentication_id IS NOT NULL AND authentication_expires_at IS NOT NULL));
