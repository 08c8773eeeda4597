-- pgbench script: the database work of one approved authorization, without the service around it.
-- KEEP IN SYNC with authorization-service/src/main/java/org/caisse/authorization/adapter/out/persistence/
-- PgTransactionStore.java (referenceExists, then insertNew: INSERT_TRANSACTION, INSERT_OPERATION, INSERT_OUTBOX in
-- one transaction). When those statements change, change these so the baseline stays the same SQL shape.
-- Runs on scratch copies of the tables (bench/authorize/pgbench-setup.sql), with pgbench -M prepared like the
-- reactive client's prepared queries. Variables: :client_id (pgbench), :n (random, makes the reference unique),
-- :payload (-D payload=..., an outbox payload of the real size). pgbench takes ":name" as a variable even inside
-- a string literal, so a literal colon stands alone (':').
\set n random(1, 9000000000000000000)
SELECT 1 FROM bench_transaction
 WHERE merchant_id = '002001000000001' AND transaction_reference = 'PB' || :client_id::bigint || 'N' || :n::bigint;
BEGIN;
INSERT INTO bench_transaction (
    id, merchant_id, transaction_reference, status, amount, current_amount, currency_code, capture_mode,
    capture_day, capture_limit_date, order_channel, masked_pan, pan_expiry_date, payment_mean_brand,
    payment_mean_type, card_csc_result_code, response_code, acquirer_response_code, authorisation_id,
    holder_authent_status, guarantee_indicator, transaction_date_time, last_operation_name,
    last_operation_amount, last_operation_at, order_id, return_context, customer_id, customer_email,
    customer_ip_address, statement_reference, transaction_origin, payment_pattern, customer_language,
    notification)
VALUES (md5(:client_id::bigint || ':' || :n::bigint)::uuid, '002001000000001',
        'PB' || :client_id::bigint || 'N' || :n::bigint, 'TO_CAPTURE', 1250, 1250, '978', 'AUTHOR_CAPTURE',
        0, current_date, 'INTERNET', '5100##########00', '203012', 'MASTERCARD',
        'CARD', '4D', '00', '00', '123456',
        'NOT_SPECIFIED', '', now(), 'AUTHORIZATION',
        1250, now(), 'ORDER-BENCH', NULL, 'customer-42', NULL,
        '127.0.0.1', NULL, NULL, 'ONE_SHOT', 'fr',
        NULL)
ON CONFLICT (merchant_id, transaction_reference) DO NOTHING;
INSERT INTO bench_operation (id, transaction_id, merchant_id, operation_id, name, amount, currency_code,
                             operation_date_time, response_code, operation_origin, response_json)
VALUES (gen_random_uuid(), md5(:client_id::bigint || ':' || :n::bigint)::uuid, '002001000000001', NULL,
        'AUTHORIZATION', 1250, '978', now(), '00', NULL, NULL);
INSERT INTO bench_outbox (id, topic, record_key, payload, created_at)
VALUES (gen_random_uuid(), 'caisse.transactions.v1',
        '002001000000001' || ':' || 'PB' || :client_id::bigint || 'N' || :n::bigint, convert_to(:payload::text, 'UTF8'), now());
COMMIT;
