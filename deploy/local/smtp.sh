#!/usr/bin/env bash
# A local SMTP sink for Caisse: GreenMail standalone, SMTP on 127.0.0.1:3025 (no authentication,
# every recipient gets a mailbox) and its REST inspection API on 127.0.0.1:8025
# (GET /api/user, GET /api/user/<email>/messages/, POST /api/mail/purge, GET /api/service/readiness).
# Mail is kept in memory: a restart empties every mailbox.
# Usage: smtp.sh install|start|stop|status|wait
set -euo pipefail
CAISSE_COMPONENT=smtp
# shellcheck source=lib.sh
source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/lib.sh"

SMTP_HOST=127.0.0.1
SMTP_PORT=3025
API_PORT=8025
SMTP_TOOLS="${CAISSE_HOME}/tools/greenmail"
SMTP_LIB="${SMTP_TOOLS}/lib"
SMTP_ROOT="${CAISSE_HOME}/smtp"
SMTP_PID="${SMTP_ROOT}/smtp.pid"
SMTP_LOG="${CAISSE_HOME}/logs/smtp.log"
WAIT_TIMEOUT="${CAISSE_SMTP_TIMEOUT:-60}"
POM="${CAISSE_LOCAL_DIR}/smtp/pom.xml"

cmd_install() {
  ensure_home
  install_maven_jars "${POM}" "${SMTP_TOOLS}" "${SMTP_LIB}" "GreenMail"
}

ready() {
  port_listening "${SMTP_HOST}" "${SMTP_PORT}" \
    && curl -fsS -o /dev/null --max-time 2 "http://${SMTP_HOST}:${API_PORT}/api/service/readiness"
}

cmd_start() {
  cmd_install
  mkdir -p "${SMTP_ROOT}"
  if pid_alive "${SMTP_PID}"; then
    log "already running (pid $(cat "${SMTP_PID}"))"
  else
    local port owner
    for port in "${SMTP_PORT}" "${API_PORT}"; do
      owner="$(port_owner "${port}")"
      [[ -z "${owner}" ]] || die "port ${port} is held by another process (pid ${owner})"
    done
    log "starting SMTP on ${SMTP_HOST}:${SMTP_PORT}, API on ${SMTP_HOST}:${API_PORT}"
    start_daemon "${SMTP_PID}" "${SMTP_LOG}" \
      "$(java_bin)" -Xmx128m -Xms32m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Djava.awt.headless=true \
      -Dgreenmail.smtp.hostname="${SMTP_HOST}" -Dgreenmail.smtp.port="${SMTP_PORT}" \
      -Dgreenmail.api.hostname="${SMTP_HOST}" -Dgreenmail.api.port="${API_PORT}" \
      -Dgreenmail.auth.disabled -Dgreenmail.users.login=email \
      -cp "${SMTP_LIB}/*" com.icegreen.greenmail.standalone.GreenMailStandaloneRunner
  fi
  cmd_wait
}

cmd_stop() {
  stop_pidfile "${SMTP_PID}" "GreenMail" 20
}

cmd_status() {
  if pid_alive "${SMTP_PID}" && ready; then
    local pid
    pid="$(cat "${SMTP_PID}")"
    echo "smtp       UP    ${SMTP_HOST}:${SMTP_PORT} (API ${SMTP_HOST}:${API_PORT})  pid ${pid}  rss $(group_rss_mb "${pid}") MB"
  else
    echo "smtp       DOWN  ${SMTP_HOST}:${SMTP_PORT} (API ${SMTP_HOST}:${API_PORT})"
    return 3
  fi
}

cmd_wait() {
  wait_for_process "${WAIT_TIMEOUT}" "${SMTP_LOG}" "GreenMail" "${SMTP_PID}" ready \
    || die "GreenMail is not answering on ${SMTP_HOST}:${SMTP_PORT} / ${API_PORT}"
}

case "${1:-}" in
  install) cmd_install ;;
  start) cmd_start ;;
  stop) cmd_stop ;;
  status) cmd_status ;;
  wait) cmd_wait ;;
  *) echo "usage: $0 install|start|stop|status|wait" >&2; exit 2 ;;
esac
