# shellcheck shell=bash
# Shared helpers for the local infrastructure scripts. Sourced, never executed.

CAISSE_LOCAL_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
CAISSE_REPO_ROOT="$(cd "${CAISSE_LOCAL_DIR}/../.." && pwd)"
CAISSE_HOME="${CAISSE_HOME:-${CAISSE_REPO_ROOT}/.caisse}"
export CAISSE_HOME
# shellcheck source=jdk.sh
source "${CAISSE_LOCAL_DIR}/jdk.sh"

# The services of docs/platform-contracts.md.
CAISSE_SERVICES=(
  payment-page-service
  authorization-service
  office-server-service
  batch-service
  key-management-service
  notification-service
)

log() { printf '[%s] %s\n' "${CAISSE_COMPONENT:-caisse}" "$*" >&2; }
die() { printf '[%s] ERROR: %s\n' "${CAISSE_COMPONENT:-caisse}" "$*" >&2; exit 1; }

# ensure_home: the state root must be traversable by the postgres user, nothing else.
ensure_home() {
  mkdir -p "${CAISSE_HOME}" "${CAISSE_HOME}/logs" "${CAISSE_HOME}/tools"
  chmod 755 "${CAISSE_HOME}"
}

# port_listening HOST PORT: true when something accepts TCP connections there.
port_listening() {
  (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null
}

# port_owner PORT: pid(s) of the process listening on PORT (any address), empty when none.
port_owner() {
  { ss -Hltnp "sport = :$1" 2>/dev/null || true; } | { grep -o 'pid=[0-9]*' || true; } \
    | cut -d= -f2 | sort -u | tr '\n' ' ' | sed 's/ $//'
}

# rss_mb PID: resident set size in MiB (0 when the process is gone).
rss_mb() {
  local kb
  kb="$(awk '/^VmRSS:/ {print $2}' "/proc/$1/status" 2>/dev/null || true)"
  echo $(( ${kb:-0} / 1024 ))
}

# group_rss_mb PGID: resident set size of every process of a process group in MiB (a daemon started
# by start_daemon leads its own group, e.g. kc.sh and the JVM it runs).
group_rss_mb() {
  local total=0 p
  for p in $(pgrep -g "$1" || true); do
    total=$(( total + $(rss_mb "${p}") ))
  done
  echo "${total}"
}

# pid_alive PIDFILE: true when the pid in PIDFILE is a running process of ours (its command line names
# a path under CAISSE_HOME).
pid_alive() {
  [[ -s "$1" ]] && owned_pid_alive "$(cat "$1")" "${CAISSE_HOME}"
}

# wait_for SECONDS LOGFILE DESCRIPTION COMMAND...: polls COMMAND until it succeeds; on timeout prints
# the tail of LOGFILE and fails.
wait_for() {
  local timeout="$1" logfile="$2" what="$3"
  shift 3
  local deadline=$(( SECONDS + timeout ))
  until "$@" >/dev/null 2>&1; do
    if (( SECONDS >= deadline )); then
      log "${what} not ready after ${timeout}s; last lines of ${logfile}:"
      tail -n 25 "${logfile}" >&2 2>/dev/null || true
      return 1
    fi
    sleep 0.5
  done
}

# wait_for_process SECONDS LOGFILE DESCRIPTION PIDFILE COMMAND...: like wait_for, but fails at once
# with the log tail when the process of PIDFILE dies meanwhile.
wait_for_process() {
  local timeout="$1" logfile="$2" what="$3" pidfile="$4"
  shift 4
  local deadline=$(( SECONDS + timeout ))
  until "$@" >/dev/null 2>&1; do
    if ! pid_alive "${pidfile}"; then
      log "${what} exited; last lines of ${logfile}:"
      tail -n 25 "${logfile}" >&2 2>/dev/null || true
      return 1
    fi
    if (( SECONDS >= deadline )); then
      log "${what} not ready after ${timeout}s; last lines of ${logfile}:"
      tail -n 25 "${logfile}" >&2 2>/dev/null || true
      return 1
    fi
    sleep 0.5
  done
}

# start_daemon PIDFILE LOGFILE COMMAND...: runs COMMAND detached (own session, no stdin), output
# appended to LOGFILE, pid written to PIDFILE.
start_daemon() {
  local pidfile="$1" logfile="$2"
  shift 2
  mkdir -p "$(dirname "${pidfile}")" "$(dirname "${logfile}")"
  printf '\n===== %s starting: %s\n' "$(date -Is)" "$1" >>"${logfile}"
  setsid "$@" </dev/null >>"${logfile}" 2>&1 &
  echo $! >"${pidfile}"
}

# stop_pidfile PIDFILE NAME [SECONDS]: TERM, then KILL after SECONDS (default 30).
stop_pidfile() {
  local pidfile="$1" name="$2" timeout="${3:-30}" pid
  if ! pid_alive "${pidfile}"; then
    rm -f "${pidfile}"
    log "${name} is not running"
    return 0
  fi
  pid="$(cat "${pidfile}")"
  # Daemons run in their own session (start_daemon): signal the whole process group.
  kill -TERM -- "-${pid}" 2>/dev/null || kill -TERM "${pid}" 2>/dev/null || true
  local deadline=$(( SECONDS + timeout ))
  while kill -0 "${pid}" 2>/dev/null; do
    if (( SECONDS >= deadline )); then
      log "${name} (pid ${pid}) did not stop in ${timeout}s, killing it"
      kill -KILL -- "-${pid}" 2>/dev/null || kill -KILL "${pid}" 2>/dev/null || true
      break
    fi
    sleep 0.3
  done
  rm -f "${pidfile}"
  log "${name} stopped"
}

# java_bin: JAVA_HOME's java when set, else the newest JDK under /usr/lib/jvm, else java on the PATH.
java_bin() {
  local home
  if [[ -n "${JAVA_HOME:-}" && -x "${JAVA_HOME}/bin/java" ]]; then
    echo "${JAVA_HOME}/bin/java"
  elif home="$(newest_jdk_home)" && [[ -n "${home}" ]]; then
    echo "${home}/bin/java"
  else
    command -v java || die "no java found"
  fi
}

# install_maven_jars POM TOOLS_DIR LIB_DIR WHAT: resolves the runtime jars of POM into LIB_DIR with Maven,
# once per version of POM (a stamp in TOOLS_DIR), replacing LIB_DIR only when the resolution succeeded.
install_maven_jars() {
  local pom="$1" tools="$2" lib="$3" what="$4" stamp
  stamp="$(sha256sum "${pom}" | cut -d' ' -f1)"
  if [[ -f "${tools}/.installed" && "$(cat "${tools}/.installed")" == "${stamp}" ]]; then
    log "${what} already in ${lib}"
    return 0
  fi
  command -v mvn >/dev/null || die "mvn is required to resolve ${what}"
  log "resolving ${what} with Maven"
  local tmp="${tools}/lib.tmp"
  rm -rf "${tmp}"
  mkdir -p "${tools}"
  mvn -B -q -f "${pom}" dependency:copy-dependencies -DincludeScope=runtime \
    -DoutputDirectory="${tmp}" >"${tools}/install.log" 2>&1 \
    || { tail -n 30 "${tools}/install.log" >&2; die "could not resolve ${what}"; }
  rm -rf "${lib}"
  mv "${tmp}" "${lib}"
  echo "${stamp}" >"${tools}/.installed"
  log "installed ${what}: $(ls "${lib}" | wc -l) jars ($(du -sh "${lib}" | cut -f1))"
}
