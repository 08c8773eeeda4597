DROP TABLE IF EXISTS bench_outbox, bench_operation, bench_transaction;
DROP SEQUENCE IF EXISTS bench_operation_seq, bench_outbox_seq;
