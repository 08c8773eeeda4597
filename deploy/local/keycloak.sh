#!/usr/bin/env bash
# A local Keycloak for Caisse in development mode (embedded H2), realm `caisse` imported from
# deploy/keycloak/caisse-realm.json, on 127.0.0.1:8180. Distribution under $CAISSE_HOME/tools/keycloak,
# log in $CAISSE_HOME/logs/keycloak.log.
# Usage: keycloak.sh install|start|stop|status|wait|reset|sync-realm
#   sync-realm: apply the realm file's realm settings (locales, SMTP, password policy, brute force, message
#          texts) to the running Keycloak through the admin API, keeping users, clients, roles and sessions.
#   reset: stop, delete the embedded database (every realm, user and session), so that the next
#          start imports the realm file again.
# Environment: CAISSE_KEYCLOAK_ADMIN / CAISSE_KEYCLOAK_ADMIN_PASSWORD (bootstrap admin of the master
# realm on the first start; admin/admin by default, for a local machine only).
set -euo pipefail
CAISSE_COMPONENT=keycloak
# shellcheck source=lib.sh
source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/lib.sh"

KC_HOST=127.0.0.1
KC_PORT=8180
KC_TOOLS="${CAISSE_HOME}/tools"
KC_DIR="${KC_TOOLS}/keycloak"
KC_PID="${CAISSE_HOME}/keycloak/keycloak.pid"
KC_LOG="${CAISSE_HOME}/logs/keycloak.log"
WAIT_TIMEOUT="${CAISSE_KEYCLOAK_TIMEOUT:-240}"
POM="${CAISSE_LOCAL_DIR}/keycloak/pom.xml"
REALM_FILE="${CAISSE_REPO_ROOT}/deploy/keycloak/caisse-realm.json"
REALM_URL="http://${KC_HOST}:${KC_PORT}/realms/caisse/.well-known/openid-configuration"

install_stamp() { sha256sum "${POM}" | cut -d' ' -f1; }

cmd_install() {
  ensure_home
  if [[ -f "${KC_DIR}/.installed" && "$(cat "${KC_DIR}/.installed")" == "$(install_stamp)" ]]; then
    log "distribution already in ${KC_DIR}"
    return 0
  fi
  command -v mvn >/dev/null || die "mvn is required to resolve Keycloak"
  local dl="${KC_TOOLS}/keycloak-download"
  rm -rf "${dl}"
  mkdir -p "${dl}"
  log "resolving the Keycloak distribution with Maven"
  mvn -B -q -f "${POM}" dependency:copy -DoutputDirectory="${dl}" >"${dl}/install.log" 2>&1 \
    || { tail -n 30 "${dl}/install.log" >&2; die "could not resolve Keycloak"; }
  log "unpacking"
  local unpack="${dl}/unpack"
  mkdir -p "${unpack}"
  tar -xzf "${dl}/keycloak.tar.gz" -C "${unpack}"
  local top
  top="$(find "${unpack}" -mindepth 1 -maxdepth 1 -type d | head -n 1)"
  [[ -x "${top}/bin/kc.sh" ]] || die "unexpected archive layout (no bin/kc.sh)"
  # Keep the embedded database of an earlier install.
  if [[ -d "${KC_DIR}/data/h2" ]]; then
    mkdir -p "${top}/data"
    mv "${KC_DIR}/data/h2" "${top}/data/h2"
  fi
  rm -rf "${KC_DIR}"
  mv "${top}" "${KC_DIR}"
  rm -rf "${dl}"
  install_stamp >"${KC_DIR}/.installed"
  log "installed $(cat "${KC_DIR}/version.txt" 2>/dev/null | head -n 1)"
}

ready() { curl -fsS -o /dev/null --max-time 3 "${REALM_URL}"; }

cmd_start() {
  cmd_install
  mkdir -p "$(dirname "${KC_PID}")" "${KC_DIR}/data/import"
  [[ -s "${REALM_FILE}" ]] || die "realm file ${REALM_FILE} is missing"
  cp "${REALM_FILE}" "${KC_DIR}/data/import/caisse-realm.json"
  if pid_alive "${KC_PID}"; then
    log "already running (pid $(cat "${KC_PID}"))"
  else
    local owner
    owner="$(port_owner "${KC_PORT}")"
    [[ -z "${owner}" ]] || die "port ${KC_PORT} is held by another process (pid ${owner})"
    local java_home
    java_home="$(dirname "$(dirname "$(readlink -f "$(java_bin)")")")"
    log "starting on ${KC_HOST}:${KC_PORT}"
    JAVA_HOME="${java_home}" \
    JAVA_OPTS_KC_HEAP="-Xms64m -Xmx512m" \
    KC_BOOTSTRAP_ADMIN_USERNAME="${CAISSE_KEYCLOAK_ADMIN:-admin}" \
    KC_BOOTSTRAP_ADMIN_PASSWORD="${CAISSE_KEYCLOAK_ADMIN_PASSWORD:-admin}" \
      start_daemon "${KC_PID}" "${KC_LOG}" "${KC_DIR}/bin/kc.sh" start-dev \
        --http-host "${KC_HOST}" --http-port "${KC_PORT}" --import-realm
  fi
  cmd_wait
}

cmd_stop() {
  stop_pidfile "${KC_PID}" "Keycloak" 60
}

cmd_reset() {
  cmd_stop
  rm -rf "${KC_DIR}/data/h2" "${KC_DIR}/data/transaction-logs"
  log "embedded database deleted: the next start imports ${REALM_FILE} again"
}

cmd_status() {
  if pid_alive "${KC_PID}" && ready; then
    local pid
    pid="$(cat "${KC_PID}")"
    echo "keycloak   UP    ${KC_HOST}:${KC_PORT} (realm caisse)  pid ${pid}  rss $(group_rss_mb "${pid}") MB"
  else
    echo "keycloak   DOWN  ${KC_HOST}:${KC_PORT}"
    return 3
  fi
}

cmd_wait() {
  wait_for_process "${WAIT_TIMEOUT}" "${KC_LOG}" "Keycloak" "${KC_PID}" ready \
    || die "Keycloak does not serve the caisse realm at ${REALM_URL}"
}

# Realm settings only: users, clients, roles and components are left as they are (a reset re-imports those).
cmd_sync_realm() {
  command -v jq >/dev/null || die "jq is required to sync the realm"
  ready || die "Keycloak does not serve the caisse realm at ${REALM_URL}"
  local base="http://${KC_HOST}:${KC_PORT}" token locale
  token="$(curl -fsS --data-urlencode "username=${CAISSE_KEYCLOAK_ADMIN:-admin}" \
      --data-urlencode "password=${CAISSE_KEYCLOAK_ADMIN_PASSWORD:-admin}" \
      -d grant_type=password -d client_id=admin-cli \
      "${base}/realms/master/protocol/openid-connect/token" | jq -r .access_token)"
  jq 'del(.users, .clients, .roles, .components, .localizationTexts)' "${REALM_FILE}" \
    | curl -fsS -X PUT -H "Authorization: Bearer ${token}" -H 'Content-Type: application/json' \
        --data-binary @- "${base}/admin/realms/caisse" >/dev/null
  for locale in $(jq -r '.localizationTexts // {} | keys[]' "${REALM_FILE}"); do
    jq --arg l "${locale}" '.localizationTexts[$l]' "${REALM_FILE}" \
      | curl -fsS -X POST -H "Authorization: Bearer ${token}" -H 'Content-Type: application/json' \
          --data-binary @- "${base}/admin/realms/caisse/localization/${locale}" >/dev/null
  done
  log "realm settings of ${REALM_FILE} applied to the running Keycloak"
}

case "${1:-}" in
  install) cmd_install ;;
  start) cmd_start ;;
  stop) cmd_stop ;;
  status) cmd_status ;;
  wait) cmd_wait ;;
  reset) cmd_reset ;;
  sync-realm) cmd_sync_realm ;;
  *) echo "usage: $0 install|start|stop|status|wait|reset|sync-realm" >&2; exit 2 ;;
esac
