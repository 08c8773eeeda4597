-- Publication order of the outbox: a sequence number taken when the row is inserted. A merchant's outbox
-- row is inserted after its merchant row is locked by the upsert, so for one merchant the sequence follows
-- the commit order (an application or wall-clock timestamp need not).
ALTER TABLE outbox ADD COLUMN seq bigserial NOT NULL;
DROP INDEX outbox_pending;
CREATE INDEX outbox_pending ON outbox (seq) WHERE published_at IS NULL;

-- Revision of the merchant's settings, incremented by every upsert that changes them (1 for a new merchant);
-- carried in the event as data.version so that consumers keep the newest.
ALTER TABLE merchant ADD COLUMN version bigint NOT NULL DEFAULT 1 CHECK (version >= 1);
