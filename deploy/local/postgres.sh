#!/usr/bin/env bash
# A dedicated local PostgreSQL cluster for Caisse: data and log under $CAISSE_HOME/postgres,
# listening on 127.0.0.1:5432 only, with every service role, database and its _test twin.
# Usage: postgres.sh install|start|stop|status|wait
set -euo pipefail
CAISSE_COMPONENT=postgres
# shellcheck source=lib.sh
source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/lib.sh"

PG_HOST=127.0.0.1
PG_PORT="${CAISSE_PG_PORT:-5432}"
PG_ROOT="${CAISSE_HOME}/postgres"
PG_DATA="${PG_ROOT}/data"

# The server runs as the postgres user, which must be able to traverse every folder above its data
# (a checkout under a 0700 temporary folder is not). Grant search permission only (o+x, never read)
# on the ancestors that lack it, and say so.
make_reachable_by_postgres() {
  local dir="$1"
  while [[ "${dir}" != "/" ]]; do
    if ! runuser -u "${PG_OS_USER}" -- test -x "${dir}"; then
      log "granting search permission (o+x) on ${dir} so that the postgres user reaches its data"
      chmod o+x "${dir}"
    fi
    dir="$(dirname "${dir}")"
  done
}
PG_RUN="${PG_ROOT}/run"
PG_LOG="${PG_ROOT}/log/postgresql.log"
PG_OS_USER=postgres
WAIT_TIMEOUT="${CAISSE_PG_TIMEOUT:-60}"

DATABASES=(
  caisse_authorization
  caisse_payment_page
  caisse_office_server
  caisse_batch
  caisse_key_management
  caisse_notification
)

pg_bindir() {
  local dir
  # Newest installed major version.
  dir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
  [[ -n "${dir}" && -x "${dir}/postgres" ]] && echo "${dir}"
}

as_pg() { runuser -u "${PG_OS_USER}" -- "$@"; }

psql_admin() {
  as_pg "$(pg_bindir)/psql" -h "${PG_RUN}" -p "${PG_PORT}" -U postgres -X -q -v ON_ERROR_STOP=1 "$@"
}

cmd_install() {
  if [[ -z "$(pg_bindir || true)" ]] || ! id "${PG_OS_USER}" >/dev/null 2>&1; then
    log "installing the postgresql package"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq postgresql >/dev/null
  fi
  local bin
  bin="$(pg_bindir)" || die "postgresql binaries not found after install"
  # The Debian packaging may have created and started its default cluster: it must not hold our port.
  # It is not stopped here (it may hold someone's data); start refuses to run while it does.
  if command -v pg_lsclusters >/dev/null; then
    pg_lsclusters -h 2>/dev/null | while read -r ver name port status _; do
      if [[ "${port}" == "${PG_PORT}" && "${status}" == online* ]]; then
        log "WARNING: the distribution cluster ${ver}/${name} runs on port ${PG_PORT};" \
          "stop it (pg_ctlcluster ${ver} ${name} stop) and disable it before starting this one"
      fi
    done
  fi
  ensure_home
  mkdir -p "${PG_ROOT}/log" "${PG_RUN}"
  make_reachable_by_postgres "$(dirname "${PG_ROOT}")"
  chown "${PG_OS_USER}:" "${PG_ROOT}" "${PG_ROOT}/log" "${PG_RUN}"
  chmod 700 "${PG_ROOT}" "${PG_ROOT}/log"
  chmod 775 "${PG_RUN}"
  if [[ ! -s "${PG_DATA}/PG_VERSION" ]]; then
    log "initialising the cluster in ${PG_DATA}"
    rm -rf "${PG_DATA}"
    mkdir -p "${PG_DATA}"
    chown "${PG_OS_USER}:" "${PG_DATA}"
    chmod 700 "${PG_DATA}"
    (cd / && as_pg "${bin}/initdb" -D "${PG_DATA}" -U postgres --encoding=UTF8 --locale=C.UTF-8 \
      --auth-local=peer --auth-host=scram-sha-256 >"${PG_ROOT}/log/initdb.log" 2>&1) \
      || { tail -n 30 "${PG_ROOT}/log/initdb.log" >&2; die "initdb failed"; }
  fi
  write_config
  log "installed ($(${bin}/postgres --version))"
}

write_config() {
  local conf="${PG_DATA}/caisse.conf"
  cat >"${conf}" <<CONF
# Managed by deploy/local/postgres.sh: a development box, durable but small.
listen_addresses = '${PG_HOST}'
port = ${PG_PORT}
unix_socket_directories = '${PG_RUN}'
max_connections = 200
shared_buffers = 256MB
effective_cache_size = 1GB
work_mem = 8MB
maintenance_work_mem = 128MB
fsync = on
synchronous_commit = on
full_page_writes = on
wal_buffers = 16MB
max_wal_size = 2GB
checkpoint_completion_target = 0.9
password_encryption = scram-sha-256
logging_collector = off
log_min_duration_statement = 1000
log_line_prefix = '%m [%p] %q%u@%d '
timezone = 'UTC'
CONF
  chown "${PG_OS_USER}:" "${conf}"
  chmod 600 "${conf}"
  if ! grep -q "^include_if_exists = 'caisse.conf'" "${PG_DATA}/postgresql.conf"; then
    printf "\ninclude_if_exists = 'caisse.conf'\n" >>"${PG_DATA}/postgresql.conf"
  fi
  cat >"${PG_DATA}/pg_hba.conf" <<HBA
# Managed by deploy/local/postgres.sh
# TYPE  DATABASE  USER      ADDRESS        METHOD
local   all       postgres                 peer
local   all       all                      scram-sha-256
host    all       all       127.0.0.1/32   scram-sha-256
HBA
  chown "${PG_OS_USER}:" "${PG_DATA}/pg_hba.conf"
  chmod 600 "${PG_DATA}/pg_hba.conf"
}

running() {
  local bin
  bin="$(pg_bindir)" || return 1
  [[ -s "${PG_DATA}/PG_VERSION" ]] && as_pg "${bin}/pg_ctl" -D "${PG_DATA}" status >/dev/null 2>&1
}

ready() {
  "$(pg_bindir)/pg_isready" -q -h "${PG_HOST}" -p "${PG_PORT}"
}

cmd_start() {
  if [[ -z "$(pg_bindir || true)" || ! -s "${PG_DATA}/PG_VERSION" ]]; then
    cmd_install
  fi
  local bin
  bin="$(pg_bindir)"
  if running; then
    log "already running (pid $(head -n 1 "${PG_DATA}/postmaster.pid"))"
  else
    local owner
    owner="$(port_owner "${PG_PORT}")"
    if [[ -n "${owner}" ]]; then
      die "port ${PG_PORT} is held by another process (pid ${owner}); stop it first (pg_lsclusters shows Debian clusters)"
    fi
    write_config
    mkdir -p "${PG_RUN}" && chown "${PG_OS_USER}:" "${PG_RUN}"
    : >>"${PG_LOG}" && chown "${PG_OS_USER}:" "${PG_LOG}"
    log "starting on ${PG_HOST}:${PG_PORT}"
    (cd / && as_pg "${bin}/pg_ctl" -D "${PG_DATA}" -l "${PG_LOG}" -t "${WAIT_TIMEOUT}" -w start >/dev/null) \
      || { tail -n 40 "${PG_LOG}" >&2; die "PostgreSQL did not start"; }
  fi
  cmd_wait
  provision
}

provision() {
  local sql="" db
  for db in "${DATABASES[@]}"; do
    sql+="SELECT format('CREATE ROLE %I LOGIN', '${db}') WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${db}') \\gexec
ALTER ROLE ${db} WITH LOGIN PASSWORD '${db}';
SELECT format('CREATE DATABASE %I OWNER %I', '${db}', '${db}') WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = '${db}') \\gexec
SELECT format('CREATE DATABASE %I OWNER %I', '${db}_test', '${db}') WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = '${db}_test') \\gexec
ALTER DATABASE ${db} OWNER TO ${db};
ALTER DATABASE ${db}_test OWNER TO ${db};
"
  done
  # Concurrent runs could race on CREATE: serialise them.
  (
    flock 8
    (cd / && printf '%s' "${sql}" | psql_admin -d postgres >/dev/null)
  ) 8>"${PG_ROOT}/.provision.lock" || die "provisioning roles and databases failed"
  log "roles and databases ready: ${DATABASES[*]} (+ _test twins)"
}

cmd_stop() {
  local bin
  bin="$(pg_bindir || true)"
  if [[ -z "${bin}" ]] || ! running; then
    log "not running"
    return 0
  fi
  (cd / && as_pg "${bin}/pg_ctl" -D "${PG_DATA}" -m fast -t 60 -w stop >/dev/null)
  log "stopped"
}

cmd_status() {
  if running && ready; then
    local pid
    pid="$(head -n 1 "${PG_DATA}/postmaster.pid")"
    echo "postgres   UP    ${PG_HOST}:${PG_PORT}  pid ${pid}  rss $(pg_rss_mb) MB  data ${PG_DATA}"
  else
    echo "postgres   DOWN  ${PG_HOST}:${PG_PORT}"
    return 3
  fi
}

# Sum of the resident memory of the postmaster and its children (shared buffers counted once per
# process that touched them, so this over-estimates).
pg_rss_mb() {
  local pid total=0 p
  pid="$(head -n 1 "${PG_DATA}/postmaster.pid")"
  total="$(rss_mb "${pid}")"
  for p in $(pgrep -P "${pid}" || true); do
    total=$(( total + $(rss_mb "${p}") ))
  done
  echo "${total}"
}

cmd_wait() {
  wait_for "${WAIT_TIMEOUT}" "${PG_LOG}" "PostgreSQL" ready || die "PostgreSQL is not accepting connections"
}

case "${1:-}" in
  install) cmd_install ;;
  start) cmd_start ;;
  stop) cmd_stop ;;
  status) cmd_status ;;
  wait) cmd_wait ;;
  *) echo "usage: $0 install|start|stop|status|wait" >&2; exit 2 ;;
esac
