-- Scratch copies of the authorization tables for the pgbench baseline (dropped by pgbench-teardown.sql).
-- LIKE ... INCLUDING ALL copies columns, defaults, checks and indexes (the unique reference constraint
-- included) but not foreign keys, which are added back; the sequences are the copies' own, so the baseline
-- never consumes the real outbox sequence that orders the relay.
DROP TABLE IF EXISTS bench_outbox, bench_operation, bench_transaction, bench_card_vault;
DROP SEQUENCE IF EXISTS bench_operation_seq, bench_outbox_seq;
CREATE TABLE bench_transaction (LIKE transaction INCLUDING ALL);
CREATE SEQUENCE bench_operation_seq AS bigint;
CREATE TABLE bench_operation (LIKE operation INCLUDING ALL);
ALTER TABLE bench_operation ALTER COLUMN seq SET DEFAULT nextval('bench_operation_seq');
ALTER TABLE bench_operation ADD FOREIGN KEY (transaction_id) REFERENCES bench_transaction (id);
CREATE SEQUENCE bench_outbox_seq AS bigint;
CREATE TABLE bench_outbox (LIKE outbox INCLUDING ALL);
ALTER TABLE bench_outbox ALTER COLUMN seq SET DEFAULT nextval('bench_outbox_seq');
CREATE TABLE bench_card_vault (LIKE card_vault INCLUDING ALL);
