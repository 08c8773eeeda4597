-- Published outbox rows are kept for caisse.outbox.retention only (Kafka holds the events; the rows are for support).
-- A BRIN index on created_at finds the old rows of this append-only table for a few pages of index, and costs the
-- inserts almost nothing (a B-tree would add a write to every authorization).
CREATE INDEX outbox_created_brin ON outbox USING brin (created_at);
