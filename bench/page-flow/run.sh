#!/usr/bin/env bash
# Scenario "page-flow": complete hosted payment page flows (Paypage POST, card page, card submission, ticket) of
# concurrent virtual shoppers, on the running platform. Started by `./caisse bench page-flow [options]` (see
# bench/README.md).
set -euo pipefail
SCENARIO_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=../lib.sh
source "$SCENARIO_DIR/../lib.sh"

usage() {
  cat <<'EOF2'
Usage: ./caisse bench page-flow [--seconds N] [--connections C] [--warmup S]
  --seconds N      length of the measured window (default 20)
  --connections C  concurrent virtual shoppers, each running one flow after the other (default 16)
  --warmup S       seconds of the same load before the window, unmeasured (default 30)
EOF2
}
bench_window_options usage "$@"

# The page's address (127.0.0.1); overridable to point the client at an instance on another port.
PAYPAGE_URL="${PAGE_FLOW_PAYPAGE_URL:-http://127.0.0.1:8081}"
[[ "$PAYPAGE_URL" =~ ^http://127\.0\.0\.1:[0-9]+$ ]] || bench_die "benches target 127.0.0.1 only (got $PAYPAGE_URL)"
# The demo merchant (seeded by the services when CAISSE_DEMO_MERCHANT_ENABLED, as ./caisse up does) with its public
# Sips test key; its allowedUrlPatterns admit http://127.0.0.1:*. Nothing listens on the return URL: the shopper's
# browser would POST the ticket's form there, which is not part of the measured flow.
MERCHANT=002001000000001
KEY_VERSION=1
RETURN_URL="http://127.0.0.1:18080/return"
DB=caisse_payment_page
bench_lock
WORK="$(bench_workdir page-flow)"

# service_pid NAME PORT: the service this checkout started, else whatever listens on its port (a platform started
# from another checkout still has its CPU counted).
service_pid() {
  local pid
  pid="$(bench_service_pid "$1")"
  [ -n "$pid" ] || pid="$(bench_port_pid "$2")"
  printf '%s' "$pid"
}
PAGE_PID="$(service_pid payment-page-service 8081)"
AUTH_PID="$(service_pid authorization-service 8082)"
OTHER_PIDS=""
for spec in key-management-service:8085 office-server-service:8083 notification-service:8086 batch-service:8084; do
  pid="$(service_pid "${spec%%:*}" "${spec#*:}")"; [ -n "$pid" ] && OTHER_PIDS="$OTHER_PIDS,$pid"
done
PG_PID="$(bench_port_pid 5432)"
KAFKA_PID="$(bench_port_pid 9092)"
[ -n "$PAGE_PID" ] || bench_log "   (payment-page-service's process not found: its CPU is not reported)"

idle_busy="$(bench_machine_busy 3)"
bench_log "== page-flow: hosted payment page flows at $PAYPAGE_URL"
bench_log "   $CONNECTIONS virtual shoppers, warm-up $WARMUP s (unmeasured), measured $MEASURE s; merchant $MERCHANT" \
  "key version $KEY_VERSION"
bench_log "   $DB: $(bench_psql "$DB" -F ', ' -c "SELECT pg_size_pretty(pg_database_size(current_database())),
  (SELECT to_char(count(*), 'FM999G999G999') FROM payment_request) || ' payment requests'" 2>/dev/null \
  || echo 'size unknown')"
bench_log "   work files $WORK"
bench_log "   before the run the machine ($BENCH_CORES cores) was ${idle_busy}% busy without load from this bench" \
  "$([ "${idle_busy%.*}" -ge 20 ] && printf '(other work competes: expect lower, drifting figures)')"

LOG="$WORK/client.log"
MARKS="$WORK/window"
"$JAVA_HOME/bin/java" -XX:+UseSerialGC -Xmx256m "$SCENARIO_DIR/PageFlowClient.java" \
  --paypage="$PAYPAGE_URL" --merchant="$MERCHANT" --key-version="$KEY_VERSION" --return-url="$RETURN_URL" \
  --connections="$CONNECTIONS" --seconds="$MEASURE" --warmup="$WARMUP" --marks="$MARKS" >"$LOG" 2>&1 &
CLIENT_PID=$!
tail -n +1 -f --pid="$CLIENT_PID" "$LOG" &
TAIL_PID=$!
trap 'kill "$CLIENT_PID" "$TAIL_PID" 2>/dev/null || true' EXIT

# PostgreSQL is shared with whatever else uses it here (tests of other checkouts on their own databases): its live
# backends are split into those of the platform's databases (the services' pools, long-lived) and the rest, which
# keeps the postmaster and the CPU of every backend that ended (reaped, so no longer attributable to a database).
PLATFORM_DBS='^caisse_(payment_page|authorization|office_server|notification|key_management|batch)$'
PG_PLATFORM="$(bench_pg_backend_pids "$PG_PID" "$PLATFORM_DBS")"
PG_REST="$(bench_pg_backend_pids "$PG_PID" "$PLATFORM_DBS" invert)"
CPU_GROUPS=("payment-page-service:$PAGE_PID" "authorization-service:$AUTH_PID" "other-services:${OTHER_PIDS#,}"
  "postgres-platform-dbs:$PG_PLATFORM" "postgres-rest:${PG_PID}^${PG_REST:+,$PG_REST}" "kafka:$KAFKA_PID"
  "page-flow-client:$CLIENT_PID")
# metrics_snapshot FILE: the services' own request timers (Micrometer, /q/metrics): sums and counts of the page's
# server requests and its calls to authorization-service, and of authorization-service's server requests.
metrics_snapshot() {
  { curl -s -m 5 "$PAYPAGE_URL/q/metrics" | sed -n -E 's/^(http_(server|client)_requests_seconds|http_client_queue_delay_seconds)_(sum|count)(\{.*\}) /page \1\4 \3 /p'
    curl -s -m 5 "http://127.0.0.1:8082/q/metrics" \
      | sed -n -E 's/^(http_server_requests_seconds)_(sum|count)(\{.*\}) /auth \1\3 \2 /p'; } >"$1" || true
}
# metrics_report BEFORE AFTER: count and mean time of each timer that moved between the two snapshots.
metrics_report() {
  awk '
    FNR == NR { before[$1 " " $2 " " $3] = $4; next }
    { key = $1 " " $2; value = $4 - before[$1 " " $2 " " $3]; if ($3 == "count") n[key] = value; else sum[key] = value
      if (!(key in seen)) { seen[key] = 1; order[++k] = key } }
    END {
      for (i = 1; i <= k; i++) {
        key = order[i]; if (n[key] < 1) continue
        split(key, part, " "); labels = part[2]
        kind = labels ~ /^http_client_queue/ ? "queue wait before the call" : (labels ~ /^http_client/ ? "call to authorization-service" : "served")
        method = labels; sub(/.*method="/, "", method); sub(/".*/, "", method)
        uri = labels; sub(/.*uri="/, "", uri); sub(/".*/, "", uri)
        status = labels; sub(/.*status="/, "", status); sub(/".*/, "", status)
        if (labels ~ /^http_client_queue/) { method = ""; uri = ""; status = "" }
        if (uri == "REDIRECTION") uri = "(303 without a route: /paymentInit)"
        printf "  %-24s %-30s %-4s %-48s %7d %8.1f\n", (part[1] == "page" ? "payment-page-service" : "authorization-service"),
          kind, method, uri " " status, n[key], 1000 * sum[key] / n[key]
      }
    }' "$1" "$2"
}
gc_page0="" gc_auth0=""
if bench_await_mark "$MARKS" "$CLIENT_PID" start; then
  bench_cpu_snapshot "${CPU_GROUPS[@]}" >"$WORK/window.cpu0"
  metrics_snapshot "$WORK/window.metrics0"
  [ -n "$PAGE_PID" ] && gc_page0="$(bench_gc_seconds "$PAGE_PID")"
  [ -n "$AUTH_PID" ] && gc_auth0="$(bench_gc_seconds "$AUTH_PID")"
  if bench_await_mark "$MARKS" "$CLIENT_PID" end; then
    bench_cpu_snapshot "${CPU_GROUPS[@]}" >"$WORK/window.cpu1"
    metrics_snapshot "$WORK/window.metrics1"
    [ -n "$gc_page0" ] && gc_page1="$(bench_gc_seconds "$PAGE_PID")"
    [ -n "$gc_auth0" ] && gc_auth1="$(bench_gc_seconds "$AUTH_PID")"
  fi
fi
set +e
wait "$CLIENT_PID"
rc=$?
wait "$TAIL_PID" 2>/dev/null
set -e
trap - EXIT

[ "$rc" -ne 2 ] || bench_die "the check flow failed (see above; log $LOG): nothing measured"
line="$(grep '^PF_RESULT ' "$LOG" | tail -n 1 | sed 's/^PF_RESULT //')"
[ -n "$line" ] || bench_die "the client stopped before its figures (exit $rc, log $LOG)"
if [ -f "$WORK/window.cpu1" ]; then
  bench_log ""
  bench_log "CPU during the measured window (from /proc; a flow is 4 requests to payment-page-service, one authorization):"
  bench_cpu_report "$WORK/window.cpu0" "$WORK/window.cpu1" </dev/null | tee "$WORK/window.cpu-report"
  gc() { [ -n "$2" ] && [ -n "${3:-}" ] && printf '%s %.2f s' "$1" "$(bench_calc "$3 - $2")"; }
  if [ -s "$WORK/window.metrics1" ]; then
    bench_log "Mean time per request during the window as the services measure it (Micrometer timers, /q/metrics;"
    bench_log "the client's figures above add the client, the kernel and the wait for a server thread):"
    printf '  %-24s %-30s %-4s %-48s %7s %8s\n' service what "" "request and status" count "mean ms"
    metrics_report "$WORK/window.metrics0" "$WORK/window.metrics1" | tee "$WORK/window.metrics-report"
  fi
  bench_log "GC time during the window: $(gc payment-page-service "$gc_page0" "${gc_page1:-}")" \
    " $(gc authorization-service "$gc_auth0" "${gc_auth1:-}")"
fi
bench_result page-flow "$line"
exit "$rc"
