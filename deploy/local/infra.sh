#!/usr/bin/env bash
# The whole local platform infrastructure: secrets, PostgreSQL, Kafka, SMTP sink and Keycloak.
# Usage: infra.sh up|down|status [--without-keycloak]
#   up     creates missing secrets, installs what is missing, starts what does not run (servers in
#          parallel), waits until each answers, then prints one status line per server.
#   down   stops every server (state is kept under $CAISSE_HOME).
#   status one line per server; exit code 3 when one is down.
# Per-server start output: $CAISSE_HOME/logs/<server>.start.log; server logs: $CAISSE_HOME/logs/.
set -euo pipefail
CAISSE_COMPONENT=infra
# shellcheck source=lib.sh
source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/lib.sh"

ACTION="${1:-}"
shift || true
WITH_KEYCLOAK=1
for arg in "$@"; do
  case "${arg}" in
    --without-keycloak) WITH_KEYCLOAK=0 ;;
    *) echo "unknown option ${arg}" >&2; exit 2 ;;
  esac
done

SERVERS=(postgres kafka smtp)
(( WITH_KEYCLOAK )) && SERVERS+=(keycloak)
LOGS="${CAISSE_HOME}/logs"

script() { echo "${CAISSE_LOCAL_DIR}/$1.sh"; }

cmd_up() {
  ensure_home
  local started=${SECONDS}
  "$(script secrets)"
  # Installs one after the other (Maven and apt must not race), a no-op once installed.
  local s
  for s in "${SERVERS[@]}"; do
    "$(script "${s}")" install >"${LOGS}/${s}.install.log" 2>&1 \
      || { tail -n 30 "${LOGS}/${s}.install.log" >&2; die "${s} install failed"; }
  done
  # Starts in parallel; each start waits until its server answers.
  declare -A pids=() t0=()
  for s in "${SERVERS[@]}"; do
    t0[${s}]=${SECONDS}
    "$(script "${s}")" start >"${LOGS}/${s}.start.log" 2>&1 &
    pids[${s}]=$!
  done
  local failed=()
  for s in "${SERVERS[@]}"; do
    if wait "${pids[${s}]}"; then
      if grep -q 'already running' "${LOGS}/${s}.start.log"; then
        log "${s}: already running"
      else
        log "${s}: started in $(( SECONDS - t0[${s}] ))s"
      fi
    else
      failed+=("${s}")
      log "${s}: FAILED; output of its start ($(basename "${LOGS}")/${s}.start.log):"
      tail -n 40 "${LOGS}/${s}.start.log" >&2
    fi
  done
  cmd_status || true
  if (( ${#failed[@]} > 0 )); then
    die "not up: ${failed[*]}"
  fi
  log "infrastructure up in $(( SECONDS - started ))s (state and logs under ${CAISSE_HOME})"
}

cmd_down() {
  local s pids=()
  # Reverse order of dependence does not matter between these servers: stop them together.
  for s in keycloak smtp kafka postgres; do
    "$(script "${s}")" stop &
    pids+=($!)
  done
  local rc=0 p
  for p in "${pids[@]}"; do wait "${p}" || rc=1; done
  return "${rc}"
}

cmd_status() {
  local s rc=0
  for s in "${SERVERS[@]}"; do
    "$(script "${s}")" status || rc=3
  done
  if [[ -s "${CAISSE_HOME}/secrets/jwt/jwks.json" ]]; then
    echo "secrets    OK    ${CAISSE_HOME}/secrets"
  else
    echo "secrets    MISSING ${CAISSE_HOME}/secrets (run deploy/local/secrets.sh)"
    rc=3
  fi
  return "${rc}"
}

case "${ACTION}" in
  up) cmd_up ;;
  down) cmd_down ;;
  status) cmd_status ;;
  *) echo "usage: $0 up|down|status [--without-keycloak]" >&2; exit 2 ;;
esac
