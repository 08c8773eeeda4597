-- pgbench script: the database work of one approved authorization of a new card, without the service around it.
-- KEEP IN SYNC with authorization-service/src/main/java/org/caisse/authorization/adapter/out/persistence/
-- PgTransactionStore.java: referenceExists, then insertNew with a card, i.e. INSERT_NEW_WITH_CARD (one statement, one
-- implicit transaction: the transaction row, its operation and its outbox event from the transaction's RETURNING row,
-- and the card vault upsert of PgCardVault.upsertSql). When those statements change, change these so that the
-- baseline stays the same SQL shape. Columns: TransactionRows.COLUMNS.
-- Runs on scratch copies of the tables (bench/authorize/pgbench-setup.sql), with pgbench -M prepared like the
-- reactive client's prepared queries. Variables: :client_id (pgbench), :n (random, makes the reference and the card
-- unique), :payload (-D payload=..., an outbox payload of the real size). pgbench takes ":name" as a variable even
-- inside a string literal, so a literal colon stands alone (':').
\set n random(1, 9000000000000000000)
SELECT 1 FROM bench_transaction
 WHERE merchant_id = '002001000000001' AND transaction_reference = 'PB' || :client_id::bigint || 'N' || :n::bigint;
WITH t AS (
    INSERT INTO bench_transaction (
        id, merchant_id, transaction_reference, status, amount, current_amount, currency_code, capture_mode,
        capture_day, capture_limit_date, order_channel, masked_pan, pan_expiry_date, payment_mean_brand,
        payment_mean_type, card_csc_result_code, response_code, acquirer_response_code, authorisation_id,
        holder_authent_status, guarantee_indicator, transaction_date_time, last_operation_name,
        last_operation_amount, last_operation_at, order_id, return_context, customer_id, customer_email,
        customer_ip_address, statement_reference, transaction_origin, payment_pattern, customer_language,
        notification, kind, captured_amount, refunded_amount, authorized_at, card_id, token_pan, card_fingerprint,
        fraud_rule, duplicated_from)
    VALUES (md5(:client_id::bigint || ':' || :n::bigint)::uuid, '002001000000001',
            'PB' || :client_id::bigint || 'N' || :n::bigint, 'TO_CAPTURE', 1250, 1250, '978', 'AUTHOR_CAPTURE',
            0, current_date, 'INTERNET', '510000######0000', '203012', 'MASTERCARD',
            'CARD', '4D', '00', '00', '123456',
            'NOT_SPECIFIED', '', now(), 'AUTHORIZATION',
            1250, now(), 'ORDER-BENCH', NULL, 'customer-42', NULL,
            '127.0.0.1', NULL, NULL, 'ONE_SHOT', 'fr',
            NULL, 'PAYMENT', 0, 0, now(), md5('card' || :client_id::bigint || ':' || :n::bigint)::uuid,
            't' || left(md5('token' || :client_id::bigint || ':' || :n::bigint), 31),
            md5('fp' || :client_id::bigint || ':' || :n::bigint) || md5('fp2' || :n::bigint),
            NULL, NULL)
    ON CONFLICT (merchant_id, transaction_reference) DO NOTHING RETURNING id),
o AS (
    INSERT INTO bench_operation (id, transaction_id, merchant_id, name, amount, currency_code, operation_date_time,
                                 response_code)
    SELECT gen_random_uuid(), t.id, '002001000000001', 'AUTHORIZATION', 1250, '978', now(), '00' FROM t),
e AS (
    INSERT INTO bench_outbox (id, topic, record_key, payload, created_at)
    SELECT u.id, u.topic, u.record_key, u.payload, u.created_at
      FROM t, unnest(ARRAY[gen_random_uuid()], ARRAY['caisse.transactions.v1']::varchar[],
                     ARRAY['002001000000001' || ':' || 'PB' || :client_id::bigint || 'N' || :n::bigint]::varchar[],
                     ARRAY[convert_to(:payload::text, 'UTF8')], ARRAY[now()])
           AS u(id, topic, record_key, payload, created_at)),
v AS (
    INSERT INTO bench_card_vault (id, merchant_id, fingerprint, token_pan, bin, last4, masked_pan, pan_ciphertext,
                                  wrapped_data_key, kek_id, pan_expiry_date, created_at, last_used_at)
    VALUES (md5('card' || :client_id::bigint || ':' || :n::bigint)::uuid, '002001000000001',
            md5('fp' || :client_id::bigint || ':' || :n::bigint) || md5('fp2' || :n::bigint),
            't' || left(md5('token' || :client_id::bigint || ':' || :n::bigint), 31), '510000', '0000',
            '510000######0000', sha256(convert_to('pan' || :n::bigint, 'UTF8')) || sha256(convert_to('iv', 'UTF8')),
            sha256(convert_to('dek' || :n::bigint, 'UTF8')) || sha256(convert_to('wrap', 'UTF8'))
              || sha256(convert_to('tag', 'UTF8')),
            'local-kek-1', '203012', now(), now())
    ON CONFLICT (id) DO UPDATE SET
        pan_expiry_date = GREATEST(bench_card_vault.pan_expiry_date, EXCLUDED.pan_expiry_date),
        last_used_at = GREATEST(bench_card_vault.last_used_at, EXCLUDED.last_used_at))
SELECT count(*) AS inserted FROM t;
