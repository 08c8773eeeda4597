#!/usr/bin/env bash
# Scenarios "office-cardorder" and "office-refund": sealed Office Server JSON requests of concurrent merchant servers
# through office-server-service to authorization-service, on the running platform (bench/README.md).
# Usage: run-office.sh <cardOrder|refund> <scenario name> [--seconds N] [--connections C] [--warmup S]
set -euo pipefail
OFFICE_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=../lib.sh
source "$OFFICE_DIR/../lib.sh"

OPERATION="$1" SCENARIO="$2"
shift 2
usage() {
  cat <<EOF2
Usage: ./caisse bench $SCENARIO [--seconds N] [--connections C] [--warmup S]
  --seconds N      length of the measured window (default 20)
  --connections C  concurrent merchant connections, each sending one request after the other (default 16)
  --warmup S       seconds of the same load before the window, unmeasured (default 30)
EOF2
}
bench_window_options usage "$@"

# The demo merchant (seeded when CAISSE_DEMO_MERCHANT_ENABLED, as ./caisse up does) and its public Sips test key.
MERCHANT=002001000000001
KEY=002001000000001_KEY1
bench_lock
WORK="$(bench_workdir "$SCENARIO")"
pid_of() { local pid; pid="$(bench_service_pid "$1")"; [ -n "$pid" ] || pid="$(bench_port_pid "$2")"; printf '%s' "$pid"; }
OFFICE_PID="$(pid_of office-server-service 8083)"
AUTH_PID="$(pid_of authorization-service 8082)"
PG_PID="$(bench_port_pid 5432)"
KAFKA_PID="$(bench_port_pid 9092)"
# The refund scenario captures its transactions through authorization-service's remittance endpoint, as the
# operator office-server-service (the platform's default caller of that endpoint).
# It also creates a merchant of its own (as batch-service, which the local launcher allows to write merchants and
# rotate and take keys), so that this capture runs over its few transactions only.
TOKEN="" OFFICE_TOKEN="" KEYS_TOKEN=""
if [ "$OPERATION" = refund ]; then
  TOKEN="$(bench_service_jwt office-server-service authorization-service 7200)"
  OFFICE_TOKEN="$(bench_service_jwt batch-service office-server-service 7200)"
  KEYS_TOKEN="$(bench_service_jwt batch-service key-management-service 7200)"
fi

idle_busy="$(bench_machine_busy 3)"
bench_log "== $SCENARIO: sealed $OPERATION requests to office-server-service (http://127.0.0.1:8083)"
bench_log "   $CONNECTIONS connections, warm-up $WARMUP s (unmeasured), measured $MEASURE s; merchant $MERCHANT"
bench_log "   work files $WORK"
bench_log "   before the run the machine ($BENCH_CORES cores) was ${idle_busy}% busy without load from this bench"

LOG="$WORK/client.log"
MARKS="$WORK/window"
"$JAVA_HOME/bin/java" -XX:+UseSerialGC -Xmx256m "$OFFICE_DIR/OfficeLoadClient.java" \
  --office=http://127.0.0.1:8083 --authorization=http://127.0.0.1:8082 --merchant="$MERCHANT" --key="$KEY" \
  --key-version=1 --operation="$OPERATION" --connections="$CONNECTIONS" --seconds="$MEASURE" --warmup="$WARMUP" \
  --marks="$MARKS" --service-token="$TOKEN" --office-token="$OFFICE_TOKEN" --keys-token="$KEYS_TOKEN" \
  --key-management=http://127.0.0.1:8085 >"$LOG" 2>&1 &
CLIENT_PID=$!
tail -n +1 -f --pid="$CLIENT_PID" "$LOG" &
TAIL_PID=$!
trap 'kill "$CLIENT_PID" "$TAIL_PID" 2>/dev/null || true' EXIT

# PostgreSQL's CPU is that of the backends serving the platform's databases (the postmaster only forks them).
PG_PLATFORM="$(bench_pg_backend_pids "$PG_PID" '^caisse_(payment_page|authorization|office_server|notification|key_management|batch)$')"
CPU_GROUPS=("office-server-service:$OFFICE_PID" "authorization-service:$AUTH_PID"
  "postgres-platform-dbs:${PG_PLATFORM:-$PG_PID}" "kafka:$KAFKA_PID" "office-load-client:$CLIENT_PID")
if bench_await_mark "$MARKS" "$CLIENT_PID" start; then
  bench_cpu_snapshot "${CPU_GROUPS[@]}" >"$WORK/window.cpu0"
  if bench_await_mark "$MARKS" "$CLIENT_PID" end; then bench_cpu_snapshot "${CPU_GROUPS[@]}" >"$WORK/window.cpu1"; fi
fi
set +e
wait "$CLIENT_PID"
rc=$?
wait "$TAIL_PID" 2>/dev/null
set -e
trap - EXIT
[ "$rc" -ne 2 ] || bench_die "the check request failed (see above; log $LOG): nothing measured"
line="$(grep '^OF_RESULT ' "$LOG" | tail -n 1 | sed 's/^OF_RESULT //')"
[ -n "$line" ] || bench_die "the client stopped before its figures (exit $rc, log $LOG)"
if [ -f "$WORK/window.cpu1" ]; then
  bench_log ""
  bench_log "CPU during the measured window (from /proc):"
  bench_cpu_report "$WORK/window.cpu0" "$WORK/window.cpu1" </dev/null | tee "$WORK/window.cpu-report"
fi
bench_result "$SCENARIO" "$line"
exit "$rc"
