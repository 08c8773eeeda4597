-- Relay order: a sequence assigned at insert, not the application clock (created_at can go back when the clock is
-- adjusted). The changes of one transaction are serialized by its row lock, so their events get increasing seq in
-- commit order. Existing rows are numbered in their former order (created_at, then id); new rows take nextval.
CREATE SEQUENCE outbox_seq_seq AS bigint;
ALTER TABLE outbox ADD COLUMN seq bigint;
UPDATE outbox SET seq = numbered.n
  FROM (SELECT id, row_number() OVER (ORDER BY created_at, id) AS n FROM outbox) AS numbered
 WHERE outbox.id = numbered.id;
SELECT setval('outbox_seq_seq', COALESCE((SELECT max(seq) FROM outbox), 0) + 1, false);
ALTER TABLE outbox ALTER COLUMN seq SET DEFAULT nextval('outbox_seq_seq');
ALTER TABLE outbox ALTER COLUMN seq SET NOT NULL;
ALTER SEQUENCE outbox_seq_seq OWNED BY outbox.seq;
ALTER TABLE outbox ADD CONSTRAINT outbox_seq_uk UNIQUE (seq);
DROP INDEX outbox_unpublished_idx;
CREATE INDEX outbox_unpublished_idx ON outbox (seq) WHERE published_at IS NULL;
