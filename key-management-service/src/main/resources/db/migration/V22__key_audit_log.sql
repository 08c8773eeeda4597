-- Append-only audit of every key operation, refusals included. Never any key material.
CREATE TABLE key_audit_log (
    id          bigserial    PRIMARY KEY,
    occurred_at timestamptz  NOT NULL,
    actor       varchar(200) NOT NULL,
    actor_role  varchar(20)  NOT NULL,
    origin      varchar(200) NOT NULL,
    action      varchar(40)  NOT NULL,
    outcome     varchar(10)  NOT NULL CHECK (outcome IN ('ACCEPTED', 'REFUSED')),
    merchant_id varchar(15),
    key_version integer,
    kid         varchar(64),
    detail      varchar(1000)
);
CREATE INDEX key_audit_log_by_merchant ON key_audit_log (merchant_id, id DESC);

CREATE FUNCTION key_audit_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'key_audit_log is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER key_audit_log_no_update_delete BEFORE UPDATE OR DELETE ON key_audit_log
    FOR EACH ROW EXECUTE FUNCTION key_audit_log_is_append_only();
CREATE TRIGGER key_audit_log_no_truncate BEFORE TRUNCATE ON key_audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION key_audit_log_is_append_only();
-- The application role (the owner, as migrations run with it) gives up the right to change or remove rows.
REVOKE UPDATE, DELETE, TRUNCATE ON key_audit_log FROM CURRENT_USER;
