DROP TABLE IF EXISTS bench_outbox, bench_operation, bench_transaction, bench_card_vault;
DROP SEQUENCE IF EXISTS bench_operation_seq, bench_outbox_seq;
