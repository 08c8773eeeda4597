#!/usr/bin/env bash
# Scenario "authorize": the engine's POST /internal/v1/authorizations under load, against a pgbench baseline of
# the same SQL measured in the same run. Started by `./caisse bench authorize [options]` (see bench/README.md).
set -euo pipefail
SCENARIO_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=../lib.sh
source "$SCENARIO_DIR/../lib.sh"

SECONDS_PER_PHASE=20
WARMUP=90
# 16 connections gave the best throughput on the 2-core reference machine (sweeps in bench/README.md).
CONNECTIONS=16
THREADS=2
RATE=1000
# Phase 2 keeps more connections open than phase 1 needs, so that a slow answer rarely leaves a thread without a free
# connection when a send slot comes (each connection has connections/rate seconds per request).
RATE_CONNECTIONS=64
PROFILE=0
SWEEP=""
SAME_CARD=0
usage() {
  cat <<'EOF'
Usage: ./caisse bench authorize [--seconds N] [--connections C] [--warmup S] [--rate R] [--profile] [--same-card]
                                [--sweep C1,C2,..]
  --seconds N      length of each measured phase (default 20)
  --connections C  wrk connections, and pgbench clients (default 16)
  --warmup S       at most S seconds of unmeasured load, until the pace is stable (default 90)
  --rate R         phase 2 request rate per second (default 1000)
  --rate-connections C  phase 2 connections (default 64)
  --profile        record the service with JFR during phase 1 and print its hot methods
  --same-card      every request pays with the same card (5100000000000000) instead of one card each
  --sweep C1,C2,.. instead of the phases: the throughput of each connection count in turn, to choose one
EOF
}
while [ $# -gt 0 ]; do
  case "$1" in
    --seconds) SECONDS_PER_PHASE="${2:?}"; shift 2 ;;
    --connections) CONNECTIONS="${2:?}"; shift 2 ;;
    --warmup) WARMUP="${2:?}"; shift 2 ;;
    --rate) RATE="${2:?}"; shift 2 ;;
    --rate-connections) RATE_CONNECTIONS="${2:?}"; shift 2 ;;
    --profile) PROFILE=1; shift ;;
    --sweep) SWEEP="${2:?}"; shift 2 ;;
    --same-card) SAME_CARD=1; shift ;;
    -h|--help) usage; exit 0 ;;
    *) usage >&2; exit 2 ;;
  esac
done
for n in "$SECONDS_PER_PHASE" "$CONNECTIONS" "$WARMUP" "$RATE" "$RATE_CONNECTIONS" ${SWEEP//,/ }; do
  [[ "$n" =~ ^[0-9]+$ ]] || bench_die "options take whole numbers (got '$n')"
done
[ "$SECONDS_PER_PHASE" -ge 1 ] && [ "$CONNECTIONS" -ge "$THREADS" ] && [ "$RATE_CONNECTIONS" -ge "$THREADS" ] \
  && [ "$RATE" -ge 1 ] || bench_die "need --seconds >= 1, --connections and --rate-connections >= $THREADS, --rate >= 1"

SERVICE=authorization-service
PORT=8082
URL="http://127.0.0.1:$PORT/internal/v1/authorizations"
MERCHANT=002001000000001
DB=caisse_authorization
bench_lock
WORK="$(bench_workdir authorize)"
bench_require_wrk
PG_BIN="$(bench_pg_bindir)"

SERVICE_PID="$(bench_service_pid "$SERVICE")"
[ -n "$SERVICE_PID" ] || bench_die "$SERVICE is not running from $CAISSE_ROOT (./caisse up)"
OTHER_PIDS=""
for other in key-management-service office-server-service payment-page-service notification-service batch-service; do
  pid="$(bench_service_pid "$other")"; [ -n "$pid" ] && OTHER_PIDS="$OTHER_PIDS,$pid"
done
PG_PID="$(bench_port_pid 5432)"
KAFKA_PID="$(bench_port_pid 9092)"
CPU_GROUPS=("$SERVICE:$SERVICE_PID" "other-services:${OTHER_PIDS#,}" "postgres:${PG_PID}+" "kafka:$KAFKA_PID")

# References: a run prefix (letters/digits, unique per run) + phase letter, then T<thread>N<counter> in the script.
RUN_ID="B$(printf '%x' "$(date +%s)")$(openssl rand -hex 2)"
BENCH_EXPIRY="$(date -d '+2 years' +%Y%m)"
export BENCH_EXPIRY BENCH_MERCHANT="$MERCHANT" BENCH_THREADS="$THREADS" BENCH_SAME_CARD="$SAME_CARD"
# The token must outlive every phase that sends requests; a margin covers the waits between them.
sweep_count="$(wc -w <<<"${SWEEP//,/ }")"
BENCH_TOKEN="$(bench_service_jwt office-server-service "$SERVICE" \
  $((WARMUP + (2 + sweep_count) * SECONDS_PER_PHASE + 900)))"
export BENCH_TOKEN

outbox_backlog() { bench_psql "$DB" -c "SELECT count(*) FROM outbox WHERE published_at IS NULL"; }
# wait_outbox_drained LIMIT_S: lets the relay publish what a phase left, so that it does not load the next phase;
# prints how long that took.
wait_outbox_drained() {
  local started=$SECONDS backlog
  while backlog="$(outbox_backlog)" && [ "$backlog" -gt 0 ]; do
    [ $((SECONDS - started)) -lt "$1" ] || { printf 'not within %s s (%s rows left)' "$1" "$backlog"; return 0; }
    sleep 0.5
  done
  printf 'within %s s' $((SECONDS - started))
}
ms() { bench_calc "$1 / 1000"; }
fmt_ms() { printf '%.1f' "$(ms "$1")"; }

idle_busy="$(bench_machine_busy 3)"
bench_log "== authorize: POST $URL"
bench_log "   $SECONDS_PER_PHASE s per phase, $CONNECTIONS connections, wrk $THREADS threads, warm-up up to $WARMUP s;" \
  "synchronous_commit=$(bench_psql "$DB" -c 'SHOW synchronous_commit');" \
  "$([ "$SAME_CARD" -eq 1 ] && echo 'one card for all requests' || echo 'one card per request')"
bench_log "   $DB: $(bench_psql "$DB" -F ', ' -c "SELECT pg_size_pretty(pg_database_size(current_database())),
  (SELECT to_char(count(*), 'FM999G999G999') FROM transaction) || ' transactions'")" \
  "(each run adds its own; larger tables cost more reads: compare runs on similar sizes)"
bench_log "   work files $WORK"
bench_log "   before the run the machine ($BENCH_CORES cores) was ${idle_busy}% busy without load from this bench" \
  "$([ "${idle_busy%.*}" -ge 20 ] && printf '(other work competes: expect lower, drifting figures)')"

# --- check: one request must be approved before any load ------------------------------------------------------------
check_body="{\"merchantId\":\"$MERCHANT\",\"transactionReference\":\"${RUN_ID}C1\",\"amount\":1250,\"currencyCode\":\"978\",\"captureMode\":\"AUTHOR_CAPTURE\",\"captureDay\":0,\"orderChannel\":\"INTERNET\",\"card\":{\"number\":\"5100000000000000\",\"expiryDate\":\"$BENCH_EXPIRY\",\"cscValue\":\"123\"}}"
check="$(curl -sS --max-time 10 -o "$WORK/check.json" -w '%{http_code} %{time_total}' -X POST "$URL" \
  -H 'Content-Type: application/json' -H "Authorization: Bearer $BENCH_TOKEN" --data "$check_body")" \
  || bench_die "the service did not answer at $URL"
code="$(grep -o '"responseCode":"[0-9]*"' "$WORK/check.json" | cut -d'"' -f4 || true)"
[ "${check%% *}" = 200 ] && [ "$code" = 00 ] \
  || { cat "$WORK/check.json" >&2; echo >&2; bench_die "check request: HTTP ${check%% *}, responseCode '${code}' (expected 200 and 00)"; }
bench_log "check      HTTP 200, responseCode 00 in $(bench_calc "${check#* } * 1000" | xargs printf '%.1f') ms (one request)"

# --- warm-up ------------------------------------------------------------------------------------------------------
# The JIT needs tens of seconds of load on two shared cores before the service reaches its pace: warm up in 10 s
# slices until two slices in a row agree within 10 %, or --warmup seconds have passed.
if [ "$WARMUP" -gt 0 ]; then
  warmed=0 slice_no=0 previous=0 rates="" stable=""
  while [ "$warmed" -lt "$WARMUP" ]; do
    slice_no=$((slice_no + 1))
    slice=$(( WARMUP - warmed < 10 ? WARMUP - warmed : 10 ))
    BENCH_PREFIX="${RUN_ID}W${slice_no}" BENCH_RATE=0 \
      bench_wrk "$WORK/warmup-$slice_no.log" "$THREADS" "$CONNECTIONS" "$slice" "$URL" "$SCENARIO_DIR/authorize.lua"
    warmed=$((warmed + slice))
    rate="$(bench_calc "$(bench_stat "$WORK/warmup-$slice_no.log" requests) * 1000000 / $(bench_stat "$WORK/warmup-$slice_no.log" duration_us)" | xargs printf '%.0f')"
    rates="$rates $rate"
    if [ "$previous" -gt 0 ] && [ "$(bench_calc "($rate - $previous) / $previous < 0.10 && ($previous - $rate) / $previous < 0.10 ? 1 : 0")" = 1 ]; then
      stable=1; break
    fi
    previous=$rate
  done
  bench_log "warm-up    $warmed s, auth/s per slice:$rates$([ -n "$stable" ] && echo ' (stable)' || echo ' (NOT stable yet: raise --warmup)')"
  wait_outbox_drained 60 >/dev/null
fi

# --- sweep: throughput per connection count ------------------------------------------------------------------------
if [ -n "$SWEEP" ]; then
  bench_log ""
  bench_log "sweep      throughput for $SECONDS_PER_PHASE s at each connection count"
  result=""
  step=0
  declare -A sum_rate=() sum_p99=() runs=() seen=()
  order=()
  for c in ${SWEEP//,/ }; do
    step=$((step + 1))
    log="$WORK/sweep-$step-c$c.log"
    wal0="$(bench_pg_wal "$DB")"
    bench_cpu_snapshot "${CPU_GROUPS[@]}" >"$log.cpu0"
    BENCH_PREFIX="${RUN_ID}S${step}" BENCH_RATE=0 \
      bench_wrk "$log" "$THREADS" "$c" "$SECONDS_PER_PHASE" "$URL" "$SCENARIO_DIR/authorize.lua"
    bench_cpu_snapshot "${CPU_GROUPS[@]}" >"$log.cpu1"
    wal1="$(bench_pg_wal "$DB")"
    printf 'wrk %s\n' "$(cat "$log.cpu")" | bench_cpu_report "$log.cpu0" "$log.cpu1" >"$log.cpu-report"
    per_s="$(bench_calc "$(bench_stat "$log" requests) * 1000000 / $(bench_stat "$log" duration_us)" | xargs printf '%.0f')"
    bench_log "  $(printf '%3d' "$c") connections  $(printf '%5d' "$per_s") auth/s  p50 $(fmt_ms "$(bench_stat "$log" p50_us)") ms" \
      " p99 $(fmt_ms "$(bench_stat "$log" p99_us)") ms  non-2xx $(bench_stat "$log" non2xx)" \
      " not-00 $(bench_stat "$log" other_code);" \
      "cores: service $(awk '$1 == "'"$SERVICE"'" {print $3}' "$log.cpu-report")," \
      "postgres $(awk '$1 == "postgres" {print $3}' "$log.cpu-report")," \
      "other processes $(awk '$1 == "other" && $2 == "processes" {print $4}' "$log.cpu-report")"
    bench_log "                   WAL: $(bench_pg_wal_report "$wal0" "$wal1" "$(bench_stat "$log" requests)")"
    wait_outbox_drained 120 >/dev/null
    sum_rate[$c]=$(( ${sum_rate[$c]:-0} + per_s )); runs[$c]=$(( ${runs[$c]:-0} + 1 ))
    sum_p99[$c]="$(bench_calc "${sum_p99[$c]:-0} + $(ms "$(bench_stat "$log" p99_us)")")"
    [ -n "${seen[$c]:-}" ] || order+=("$c"); seen[$c]=1
  done
  # a count measured several times reports its mean
  for c in "${order[@]}"; do
    result="$result c${c}_auth_per_s=$(( sum_rate[$c] / runs[$c] ))"
    result="$result c${c}_p99_ms=$(bench_calc "${sum_p99[$c]} / ${runs[$c]}" | xargs printf '%.1f')"
  done
  bench_result authorize-sweep "${result# }"
  exit 0
fi

# --- phase 1: throughput --------------------------------------------------------------------------------------------
bench_log ""
bench_log "phase 1    throughput: as many authorizations as $CONNECTIONS connections get in $SECONDS_PER_PHASE s"
[ "$PROFILE" -eq 1 ] && bench_jfr_start "$SERVICE_PID"
gc_before="$(bench_gc_seconds "$SERVICE_PID")"
wal0="$(bench_pg_wal "$DB")"
bench_cpu_snapshot "${CPU_GROUPS[@]}" >"$WORK/phase1.cpu0"
BENCH_PREFIX="${RUN_ID}P" BENCH_RATE=0 \
  bench_wrk "$WORK/phase1.log" "$THREADS" "$CONNECTIONS" "$SECONDS_PER_PHASE" "$URL" "$SCENARIO_DIR/authorize.lua"
bench_cpu_snapshot "${CPU_GROUPS[@]}" >"$WORK/phase1.cpu1"
wal1="$(bench_pg_wal "$DB")"
gc_after="$(bench_gc_seconds "$SERVICE_PID")"
backlog="$(outbox_backlog)"
[ "$PROFILE" -eq 1 ] && bench_jfr_stop "$SERVICE_PID" "$WORK/phase1.jfr"
P1="$WORK/phase1.log"
p1_wall="$(bench_calc "$(bench_stat "$P1" duration_us) / 1000000")"
auth_per_s="$(bench_calc "$(bench_stat "$P1" requests) / $p1_wall" | xargs printf '%.0f')"
p50="$(fmt_ms "$(bench_stat "$P1" p50_us)")"; p99="$(fmt_ms "$(bench_stat "$P1" p99_us)")"
answered=$(( $(bench_stat "$P1" approved) + $(bench_stat "$P1" other_code) ))
other_share="$(bench_calc "$answered > 0 ? 100 * $(bench_stat "$P1" other_code) / $answered : 0" | xargs printf '%.2f')"
bench_log "  auth/s            $auth_per_s  ($(bench_stat "$P1" requests) requests in $p1_wall s)"
bench_log "  latency           p50 $p50 ms  p90 $(fmt_ms "$(bench_stat "$P1" p90_us)") ms  p99 $p99 ms" \
  " p99.9 $(fmt_ms "$(bench_stat "$P1" p999_us)") ms  max $(fmt_ms "$(bench_stat "$P1" max_us)") ms"
bench_log "  non-2xx           $(bench_stat "$P1" non2xx)   socket errors $(bench_stat "$P1" socket_errors)" \
  "  timeouts $(bench_stat "$P1" timeouts)"
bench_log "  responseCode      00: $(bench_stat "$P1" approved), other: $(bench_stat "$P1" other_code) ($other_share %)"
drain="$(wait_outbox_drained 120)"
bench_log "  outbox            $backlog unpublished rows at the end of the phase, published $drain"
bench_log "  WAL per auth      $(bench_pg_wal_report "$wal0" "$wal1" "$(bench_stat "$P1" requests)")"
bench_log "                    (the whole cluster: the consumers' writes in their own databases included)"
bench_log "  GC (service)      $(bench_calc "$gc_after - $gc_before" | xargs printf '%.2f') s" \
  "($(bench_calc "100 * ($gc_after - $gc_before) / $p1_wall" | xargs printf '%.1f') % of the phase)"
bench_log "  CPU during phase 1:"
printf 'wrk %s\n' "$(cat "$P1.cpu")" | bench_cpu_report "$WORK/phase1.cpu0" "$WORK/phase1.cpu1"

# --- phase 2: latency at a fixed rate ------------------------------------------------------------------------------
bench_log ""
bench_log "phase 2    latency at $RATE authorizations/s for $SECONDS_PER_PHASE s ($RATE_CONNECTIONS connections, paced by delay())"
BENCH_PREFIX="${RUN_ID}R" BENCH_RATE="$RATE" \
  bench_wrk "$WORK/phase2.log" "$THREADS" "$RATE_CONNECTIONS" "$SECONDS_PER_PHASE" "$URL" "$SCENARIO_DIR/authorize.lua"
P2="$WORK/phase2.log"
p2_wall="$(bench_calc "$(bench_stat "$P2" duration_us) / 1000000")"
rate_achieved="$(bench_calc "$(bench_stat "$P2" requests) / $p2_wall" | xargs printf '%.0f')"
rate_p99="$(fmt_ms "$(bench_stat "$P2" p99_us)")"
bench_log "  achieved          $rate_achieved/s  ($(bench_stat "$P2" requests) requests)"
bench_log "  latency           p50 $(fmt_ms "$(bench_stat "$P2" p50_us)") ms  p90 $(fmt_ms "$(bench_stat "$P2" p90_us)") ms" \
  " p99 $rate_p99 ms  p99.9 $(fmt_ms "$(bench_stat "$P2" p999_us)") ms  max $(fmt_ms "$(bench_stat "$P2" max_us)") ms"
bench_log "  non-2xx           $(bench_stat "$P2" non2xx)   responseCode other than 00: $(bench_stat "$P2" other_code)"
late_share="$(bench_calc "100 * $(bench_stat "$P2" late) / $(bench_stat "$P2" sent)" | xargs printf '%.1f')"
# Sustained: the rate was reached and almost every request left on its slot (else the wait before sending, which wrk
# does not count, hides part of the latency).
if [ "$(bench_calc "$rate_achieved >= 0.97 * $RATE && $late_share < 10 ? 1 : 0")" = 1 ]; then
  bench_log "  verdict           the service sustained $RATE/s"
else
  bench_log "  verdict           NOT sustained (rate short or sends late): the percentiles under-state the wait"
fi
bench_log "  late sends        $(bench_stat "$P2" late)" \
  "($late_share %," \
  "latest $(bench_stat "$P2" max_late_ms) ms behind its slot;" \
  "wrk does not count that wait, see bench/README.md)"
wait_outbox_drained 120 >/dev/null

# --- phase 3: pgbench baseline -------------------------------------------------------------------------------------
bench_log ""
bench_log "phase 3    pgbench baseline: the same SQL (bench/authorize/pgbench.sql), $CONNECTIONS clients, -j 2, $SECONDS_PER_PHASE s"
# the newest event (through the seq index: outbox has no index on record_key), one of phase 2's authorizations
payload="$(bench_psql "$DB" -c "SELECT convert_from(payload, 'UTF8') FROM outbox ORDER BY seq DESC LIMIT 1")"
[ -n "$payload" ] || payload="$(openssl rand -base64 1100 | tr -d "\n")"
drop_scratch() { bench_psql "$DB" -f "$SCENARIO_DIR/pgbench-teardown.sql" || true; }
trap drop_scratch EXIT
bench_psql "$DB" -f "$SCENARIO_DIR/pgbench-setup.sql"
wal0="$(bench_pg_wal "$DB")"
bench_cpu_snapshot "${CPU_GROUPS[@]}" >"$WORK/phase3.cpu0"
( PGPASSWORD="$DB" "$PG_BIN/pgbench" -h 127.0.0.1 -p 5432 -U "$DB" -n -M prepared -r -c "$CONNECTIONS" -j 2 \
    -T "$SECONDS_PER_PHASE" -f "$SCENARIO_DIR/pgbench.sql" -D payload="$payload" "$DB" >"$WORK/pgbench.log" 2>&1
  echo "exit=$?" >>"$WORK/pgbench.log"; times >"$WORK/pgbench.times" )
bench_cpu_snapshot "${CPU_GROUPS[@]}" >"$WORK/phase3.cpu1"
wal1="$(bench_pg_wal "$DB")"
grep -q '^tps = ' "$WORK/pgbench.log" || { cat "$WORK/pgbench.log" >&2; bench_die "pgbench failed"; }
pgbench_tps="$(sed -n 's/^tps = \([0-9.]*\).*/\1/p' "$WORK/pgbench.log" | xargs printf '%.0f')"
bench_log "  tps               $pgbench_tps  (${#payload}-byte outbox payload," \
  "$(sed -n 's/^number of failed transactions: //p' "$WORK/pgbench.log") failed)"
bench_log "  latency average   $(sed -n 's/^latency average = //p' "$WORK/pgbench.log")"
bench_log "  WAL per tx        $(bench_pg_wal_report "$wal0" "$wal1" \
  "$(sed -n 's/^number of transactions actually processed: \([0-9]*\).*/\1/p' "$WORK/pgbench.log")")"
bench_log "  per statement (ms):"
sed -n '/^statement latencies/,$p' "$WORK/pgbench.log" | sed '1d;/^exit=/d' | awk '{ $2 = ""; print "    " $0 }' | cut -c1-90
bench_log "  CPU during phase 3:"
printf 'pgbench %s\n' "$(bench_times_cpu "$WORK/pgbench.times")" \
  | bench_cpu_report "$WORK/phase3.cpu0" "$WORK/phase3.cpu1"
drop_scratch; trap - EXIT

if [ "$PROFILE" -eq 1 ]; then
  bench_log ""
  bench_log "profile    $SERVICE during phase 1 (JFR, $WORK/phase1.jfr; the recording slows the phase a little)"
  bench_jfr_samples "$WORK/phase1.jfr" >"$WORK/phase1.samples"
  bench_jfr_report "$WORK/phase1.samples" 15
fi

ratio="$(bench_calc "$auth_per_s / $pgbench_tps" | xargs printf '%.2f')"
bench_log ""
bench_log "summary    $auth_per_s auth/s (p50 $p50 ms, p99 $p99 ms); at $RATE/s p99 $rate_p99 ms;" \
  "pgbench $pgbench_tps tps; the service reaches $ratio of what the same SQL alone does"
bench_result authorize "auth_per_s=$auth_per_s p50_ms=$p50 p99_ms=$p99 rate${RATE}_p99_ms=$rate_p99" \
  "pgbench_tps=$pgbench_tps ratio=$ratio"
