-- When the request entered AUTHORIZING: a request left there longer than the authorization timeout (the
-- process stopped between the status change and the outcome) is reconciled with authorization-service.
ALTER TABLE payment_request ADD COLUMN authorizing_since TIMESTAMPTZ;
