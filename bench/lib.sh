# shellcheck shell=bash
# Helpers shared by the load scenarios (bench/<scenario>/run.sh). Sourced, never executed.
# The launcher (./caisse bench) has started the platform and exported CAISSE_ROOT, CAISSE_HOME and JAVA_HOME.

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
CAISSE_ROOT="${CAISSE_ROOT:-$(cd "$BENCH_DIR/.." && pwd)}"
CAISSE_HOME="${CAISSE_HOME:-$CAISSE_ROOT/.caisse}"
# shellcheck source=../deploy/local/jdk.sh
source "$CAISSE_ROOT/deploy/local/jdk.sh"
JAVA_HOME="${JAVA_HOME:-$(newest_jdk_home)}"
BENCH_CORES="$(nproc)"
BENCH_CLK_TCK="$(getconf CLK_TCK)"

bench_log() { printf '%s\n' "$*"; }
bench_die() { printf 'bench: %s\n' "$*" >&2; exit 1; }

# One bench at a time: two would share the cores and both measure nothing.
bench_lock() {
  mkdir -p "$CAISSE_HOME/run"
  exec 9>"$CAISSE_HOME/run/bench.lock"
  flock -n 9 || bench_die "another bench is running (lock $CAISSE_HOME/run/bench.lock)"
}

# bench_workdir SCENARIO: a fresh folder for this run's logs and recordings; the ten newest runs are kept.
bench_workdir() {
  local dir
  dir="$CAISSE_HOME/bench/$1-$(date +%Y%m%d-%H%M%S)"
  mkdir -p "$dir"
  ls -1dt "$CAISSE_HOME/bench/$1-"* | tail -n +11 | xargs -r rm -rf
  printf '%s' "$dir"
}

bench_require_wrk() {
  command -v wrk >/dev/null && return 0
  bench_log "installing wrk (Debian package) ..."
  export DEBIAN_FRONTEND=noninteractive
  apt-get -y -qq install wrk >/dev/null 2>&1 || { apt-get update -qq && apt-get -y -qq install wrk >/dev/null; } \
    || bench_die "could not install wrk"
}

bench_pg_bindir() {
  local dir
  dir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
  [ -n "$dir" ] && [ -x "$dir/pgbench" ] || bench_die "pgbench not found under /usr/lib/postgresql/*/bin"
  printf '%s' "$dir"
}

# bench_service_pid NAME: the pid of a service the launcher started from this checkout (empty if none).
bench_service_pid() {
  local file="$CAISSE_HOME/run/$1.pid" pid
  [ -f "$file" ] || return 0
  pid="$(cat "$file")"
  owned_pid_alive "$pid" "$CAISSE_ROOT/$1/target/quarkus-app/quarkus-run.jar" && printf '%s' "$pid"
  return 0
}

# bench_port_pid PORT: the pid listening on PORT (the PostgreSQL postmaster, the Kafka broker ...).
bench_port_pid() {
  { ss -Hltnp "sport = :$1" 2>/dev/null || true; } | { grep -o 'pid=[0-9]*' || true; } | cut -d= -f2 | sed -n 1p
}

b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }

# bench_service_jwt SUBJECT AUDIENCE LIFETIME_S: a service JWT as SUBJECT signs it (docs/platform-contracts.md,
# "Service identity"): RS256 with the subject's key, kid = subject, issuer caisse, group service.
bench_service_jwt() {
  local subject="$1" audience="$2" lifetime="$3" key now header claims input
  key="$CAISSE_HOME/secrets/jwt/$subject.key.pem"
  [ -r "$key" ] || bench_die "no signing key $key (deploy/local/secrets.sh creates it)"
  now="$(date +%s)"
  header="$(printf '{"alg":"RS256","typ":"JWT","kid":"%s"}' "$subject" | b64url)"
  claims="$(printf '{"iss":"caisse","sub":"%s","aud":"%s","groups":["service"],"iat":%d,"exp":%d,"jti":"bench-%s"}' \
    "$subject" "$audience" "$now" "$((now + lifetime))" "$(openssl rand -hex 8)" | b64url)"
  input="$header.$claims"
  printf '%s.%s' "$input" "$(printf '%s' "$input" | openssl dgst -sha256 -sign "$key" -binary | b64url)"
}

# --- CPU accounting --------------------------------------------------------------------------------------------
# A snapshot is lines "group pid ticks" (user + system time of the process and all its threads), one line
# "machine - busy total" from /proc/stat and one "clock - epoch". Processes that start during a phase count from zero;
# those that end before the second snapshot are lost, except the children of a "+" pid (PostgreSQL backends): their
# parent has reaped them, so their time is in its cutime/cstime. Short-lived tools (wrk, pgbench) are measured with
# `times` instead.

# bench_cpu_snapshot "group:pid[,pid...]" ...: a pid suffixed with + also counts its children, live and reaped; one
# suffixed with ^ counts its reaped children only (list the live ones yourself, e.g. split by bench_pg_backend_pids).
# All the /proc reads happen in one awk (no process per pid): with 60 PostgreSQL backends on a saturated machine, a
# cat and an awk per process took 1-2.5 s, which shifted the snapshot's clock against the counters it read first.
# utime + stime (+ cutime + cstime for a "+" pid) are fields 14-17 of /proc/<pid>/stat; the command name in field 2
# may hold spaces, so the fields are counted after the last ')'.
bench_cpu_snapshot() {
  local spec group pids pid child
  for spec in "$@"; do
    group="${spec%%:*}"; pids="${spec#*:}"
    for pid in ${pids//,/ }; do
      if [ "${pid%+}" != "$pid" ]; then
        pid="${pid%+}"
        for child in $(pgrep -P "$pid" || true); do printf '%s %s 0\n' "$group" "$child"; done
        [ -n "$pid" ] && printf '%s %s 1\n' "$group" "$pid"
      elif [ "${pid%^}" != "$pid" ]; then
        pid="${pid%^}"
        [ -n "$pid" ] && printf '%s %s 1\n' "$group" "$pid"
      else
        [ -n "$pid" ] && printf '%s %s 0\n' "$group" "$pid"
      fi
    done
  done | awk '
    {
      file = "/proc/" $2 "/stat"; line = ""
      if ((getline line < file) > 0) {
        sub(/^.*\) /, "", line); split(line, f, " ")
        # after the name: state(1) ppid(2) ... utime(12) stime(13) cutime(14) cstime(15)
        print $1, $2, f[12] + f[13] + ($3 == 1 ? f[14] + f[15] : 0)
      }
      close(file)
    }
    END {
      while ((getline line < "/proc/stat") > 0) if (line ~ /^cpu /) {
        split(line, c, " "); busy = c[2] + c[3] + c[4] + c[7] + c[8] + c[9]
        print "machine - " busy " " busy + c[5] + c[6]
      }
    }'
  printf 'clock - %s\n' "$(date +%s.%N)"
}

# bench_pg_backend_pids POSTMASTER REGEX [invert]: the live children of the PostgreSQL postmaster whose database (the
# second word of the process title "postgres: <database> <user> <client> <state>") matches REGEX, or, with "invert",
# every other live child (background workers, other databases' backends), comma-separated.
bench_pg_backend_pids() {
  local child title database out=""
  for child in $(pgrep -P "$1" || true); do
    title="$(tr '\0' ' ' 2>/dev/null <"/proc/$child/cmdline")" || continue
    database="$(awk '{print $2}' <<<"$title")"
    if [[ "$database" =~ $2 ]]; then [ -z "${3:-}" ] && out="$out,$child"; else [ -n "${3:-}" ] && out="$out,$child"; fi
  done
  printf '%s' "${out#,}"
}

# bench_cpu_report BEFORE AFTER [extra "label seconds" lines on stdin]: CPU seconds and the share of the machine per
# group between the two snapshots; "other processes" is what the machine spent outside the listed groups (builds,
# editors ...). Cores used = CPU seconds / wall seconds between the snapshots.
bench_cpu_report() {
  local before="$1" after="$2"
  { cat; echo "--"; cat "$before"; echo "=="; cat "$after"; } | awk -v tck="$BENCH_CLK_TCK" -v cores="$BENCH_CORES" '
    BEGIN { part = 0 }
    $0 == "--" { part = 1; next }
    $0 == "==" { part = 2; next }
    part == 0 { extra[$1] = $2; order[++n] = $1; next }
    part == 1 && $1 == "clock" { c0 = $3; next }
    part == 2 && $1 == "clock" { wall = $3 - c0; next }
    part == 1 && $1 == "machine" { mb = $3; mt = $4; next }
    part == 2 && $1 == "machine" { busy = ($3 - mb) / tck; total = ($4 - mt) / tck; next }
    part == 1 { start[$2] = $3; next }
    part == 2 { if (!($1 in cpu)) groups[++g] = $1; cpu[$1] += ($3 - start[$2]) / tck; next }
    END {
      listed = 0
      printf "  %-26s %9s %11s %13s\n", "process", "cpu s", "cores used", "machine share"
      for (i = 1; i <= g; i++) row(groups[i], cpu[groups[i]])
      for (i = 1; i <= n; i++) row(order[i], extra[order[i]])
      row("other processes", busy - listed)
      printf "  %-26s %9.1f %11.2f %12.0f%%  (of %d cores, %.0f s)\n", "machine busy", busy, busy / wall, \
        (total > 0 ? 100 * busy / total : 0), cores, wall
    }
    function row(name, s) {
      if (name != "other processes") listed += s
      if (s < 0) s = 0
      printf "  %-26s %9.1f %11.2f %12.0f%%\n", name, s, s / wall, (total > 0 ? 100 * s / total : 0)
    }'
}

# bench_machine_busy SECONDS: how busy the whole machine is (percent of all cores) over the next SECONDS.
bench_machine_busy() {
  local before after
  before="$(awk '/^cpu / {print $2 + $3 + $4 + $7 + $8 + $9, $5 + $6}' /proc/stat)"
  sleep "$1"
  after="$(awk '/^cpu / {print $2 + $3 + $4 + $7 + $8 + $9, $5 + $6}' /proc/stat)"
  awk -v b="$before" -v a="$after" 'BEGIN { split(b, x, " "); split(a, y, " "); busy = y[1] - x[1]; idle = y[2] - x[2]
    printf "%.0f", ((busy + idle) > 0 ? 100 * busy / (busy + idle) : 0) }'
}

# bench_times_cpu FILE: the children's user + system seconds from the output of bash's `times` (second line).
bench_times_cpu() {
  sed -n 2p "$1" | awk '{ s = 0; for (i = 1; i <= 2; i++) { split($i, a, /[ms]/); s += a[1] * 60 + a[2] } print s }'
}

# --- wrk ---------------------------------------------------------------------------------------------------------
# bench_wrk LOG THREADS CONNECTIONS SECONDS URL SCRIPT: runs wrk (the script's done() prints one "WRKSTATS k=v ..."
# line), keeps its whole output in LOG and its own CPU seconds in LOG.cpu.
bench_wrk() {
  local log="$1" threads="$2" connections="$3" seconds="$4" url="$5" script="$6"
  ( wrk -t "$threads" -c "$connections" -d "${seconds}s" --timeout 10s -s "$script" "$url" >"$log" 2>&1
    echo "exit=$?" >>"$log"; times >"$log.times" )
  bench_times_cpu "$log.times" >"$log.cpu"
  grep -q '^WRKSTATS ' "$log" || { cat "$log" >&2; bench_die "wrk produced no statistics (log $log)"; }
}

# bench_stat LOG KEY: one value of the WRKSTATS line.
bench_stat() { grep '^WRKSTATS ' "$1" | tr ' ' '\n' | sed -n "s/^$2=//p"; }

# bench_calc EXPRESSION: floating-point arithmetic for the report (awk, no bc needed).
bench_calc() { awk "BEGIN { printf \"%s\", ($1) }" </dev/null; }

# --- Java Flight Recorder ------------------------------------------------------------------------------------------
# Samples every 5 ms (the profile settings take 10 or 20), for enough samples in a short phase.
bench_jfr_start() { "$JAVA_HOME/bin/jcmd" "$1" JFR.start name=bench settings=profile 'jdk.ExecutionSample#period=5ms' >/dev/null; }

bench_jfr_stop() {
  "$JAVA_HOME/bin/jcmd" "$1" JFR.dump name=bench filename="$2" >/dev/null
  "$JAVA_HOME/bin/jcmd" "$1" JFR.stop name=bench >/dev/null
}

# bench_jfr_samples FILE: the execution samples of a recording as "thread<TAB>frame<TAB>frame..." lines (top frame
# first, line numbers dropped), leaving out the threads of the attach mechanism and of JFR itself.
bench_jfr_samples() {
  "$JAVA_HOME/bin/jfr" print --events jdk.ExecutionSample --stack-depth 64 "$1" | awk '
    /sampledThread = / { thread = $0; sub(/^[^"]*"/, "", thread); sub(/".*/, "", thread); next }
    /stackTrace = \[/ { inside = 1; line = thread; next }
    inside && /^[ \t]*\]/ {
      inside = 0
      if (thread != "Attach Listener" && thread !~ /^JFR /) print line
      next
    }
    inside {
      f = $0; sub(/^[ \t]+/, "", f); sub(/[ \t]+line:.*/, "", f)
      if (f != "...") line = line "\t" f
    }'
}

# bench_jfr_report SAMPLES COUNT: the COUNT hottest top frames, then the samples charged to layers (the first frame
# from the top outside the plain JDK decides, so JDK code run for, say, the PostgreSQL client is charged to it),
# then the samples per kind of thread.
bench_jfr_report() {
  local samples="$1" count="$2"
  printf '  %d execution samples; top %d frames:\n' "$(wc -l <"$samples")" "$count"
  cut -f2 "$samples" | sort | uniq -c | sort -rn | awk -v count="$count" 'NR <= count' \
    | awk -v total="$(wc -l <"$samples")" '{ n = $1; sub(/^ *[0-9]+ /, ""); printf "  %5.1f%%  %s\n", 100 * n / total, $0 }'
  printf '  samples by layer:\n'
  awk -F '\t' '
    function layer(f) {
      if (f ~ /^com\.google\.crypto|^org\.caisse\.[a-z.]*\.crypto\./) return "card vault encryption (Tink)"
      if (f ~ /^org\.caisse\./) return "Caisse code"
      if (f ~ /^io\.vertx\.pgclient|^io\.vertx\.sqlclient/) return "PostgreSQL client (Vert.x)"
      if (f ~ /^org\.apache\.kafka/) return "Kafka client"
      if (f ~ /^org\.jose4j|^io\.smallrye\.jwt|^io\.quarkus\.smallrye\.jwt/) return "JWT verification (RS256)"
      if (f ~ /^com\.fasterxml\.jackson|^io\.vertx\.core\.json|^io\.cloudevents/) return "JSON"
      if (f ~ /^org\.jboss\.resteasy|^io\.quarkus\.resteasy|^io\.quarkus\.rest/) return "REST layer"
      if (f ~ /^io\.quarkus\.security|^io\.quarkus\.vertx\.http\.runtime\.security/) return "security layer"
      if (f ~ /^org\.hibernate\.validator|^jakarta\.validation/) return "bean validation"
      if (f ~ /^io\.micrometer|^io\.quarkus\.micrometer/) return "metrics"
      if (f ~ /^io\.smallrye\.mutiny|^io\.smallrye\.context/) return "Mutiny and context propagation"
      if (f ~ /^org\.jboss\.log|^java\.util\.logging/) return "logging"
      if (f ~ /^io\.quarkus\.arc/) return "CDI (ArC)"
      if (f ~ /^io\.netty|^sun\.nio|^java\.nio\.channels|^io\.vertx\.core|^io\.quarkus\.vertx/) return "network and event loop (Netty, Vert.x)"
      if (f ~ /^java\.|^javax\.|^jdk\.|^sun\.|^com\.sun\./) return ""
      split(f, p, "."); return "other: " p[1] "." p[2] "." p[3]
    }
    {
      found = ""; for (i = 2; i <= NF && found == ""; i++) found = layer($i)
      if (found == "") found = "JDK only"
      hits[found]++; total++
    }
    END { for (l in hits) printf "%d\t%s\n", hits[l], l }' "$samples" | sort -rn \
    | awk -F '\t' '{ rows[++n] = $0; total += $1 } END { for (i = 1; i <= n; i++) { split(rows[i], r, "\t"); printf "  %5.1f%%  %s\n", 100 * r[1] / total, r[2] } }'
  printf '  samples by thread:\n'
  cut -f1 "$samples" | sed 's/[-#]*[0-9][0-9]*$//' | sort | uniq -c | sort -rn | awk 'NR <= 6' \
    | awk -v total="$(wc -l <"$samples")" '{ n = $1; sub(/^ *[0-9]+ /, ""); printf "  %5.1f%%  %s\n", 100 * n / total, $0 }'
}

# bench_gc_seconds PID: total GC time of a JVM so far (jstat's GCT column).
bench_gc_seconds() {
  "$JAVA_HOME/bin/jstat" -gc "$1" 2>/dev/null | awk 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == "GCT") c = i } NR == 2 { print $c }'
}

# bench_pg_wal DATABASE: the server's WAL counters so far, "records full_page_images bytes syncs" (pg_stat_wal).
bench_pg_wal() { bench_psql "$1" -F ' ' -c "SELECT wal_records, wal_fpi, wal_bytes, wal_sync FROM pg_stat_wal"; }

# bench_pg_wal_report BEFORE AFTER COUNT: WAL written per unit of work (COUNT units between the two readings) and how
# many units shared one WAL flush (group commit).
bench_pg_wal_report() {
  awk -v b="$1" -v a="$2" -v n="$3" 'BEGIN {
    split(b, x, " "); split(a, y, " ")
    if (n <= 0) { print "no work"; exit }
    syncs = y[4] - x[4]
    printf "%.0f bytes, %.1f records, %.2f full-page images each; %.1f per WAL flush (%d flushes)",
      (y[3] - x[3]) / n, (y[1] - x[1]) / n, (y[2] - x[2]) / n, (syncs > 0 ? n / syncs : 0), syncs }'
}

# bench_result SCENARIO KEY=VALUE ...: the one machine-readable line every scenario ends with (DESIGN.md §10).
# bench_window_options USAGE_FUNCTION ARGS...: the options every flow scenario takes (--seconds, --connections,
# --warmup), into MEASURE, CONNECTIONS and WARMUP (defaults 20, 16, 30), checked; -h prints the usage.
bench_window_options() {
  local usage="$1"; shift
  MEASURE=20 WARMUP=30 CONNECTIONS=16
  while [ $# -gt 0 ]; do
    case "$1" in
      --seconds) MEASURE="${2:?}"; shift 2 ;;
      --connections) CONNECTIONS="${2:?}"; shift 2 ;;
      --warmup) WARMUP="${2:?}"; shift 2 ;;
      -h|--help) "$usage"; exit 0 ;;
      *) "$usage" >&2; exit 2 ;;
    esac
  done
  local n
  for n in "$MEASURE" "$CONNECTIONS" "$WARMUP"; do
    [[ "$n" =~ ^[0-9]+$ ]] || bench_die "options take whole numbers (got '$n')"
  done
  [ "$MEASURE" -ge 1 ] && [ "$CONNECTIONS" -ge 1 ] || bench_die "need --seconds >= 1 and --connections >= 1"
}

# bench_await_mark MARKS CLIENT_PID EDGE: waits until the client touches MARKS.EDGE (an edge of its measured
# window); false when the client ended before.
bench_await_mark() {
  while [ ! -e "$1.$3" ]; do
    kill -0 "$2" 2>/dev/null || return 1
    sleep 0.05
  done
}

bench_result() {
  local scenario="$1"; shift
  printf 'RESULT scenario=%s %s\n' "$scenario" "$*"
}

# --- PostgreSQL ------------------------------------------------------------------------------------------------
# bench_psql DATABASE ARGS...: psql as the database's own role (deploy/local/postgres.sh: role = password = name),
# unaligned tuples only, stopping at the first error, notices silenced.
bench_psql() {
  local db="$1"; shift
  PGPASSWORD="$db" PGOPTIONS='-c client_min_messages=warning' \
    "$(bench_pg_bindir)/psql" -h 127.0.0.1 -p 5432 -U "$db" -d "$db" -X -q -A -t -v ON_ERROR_STOP=1 "$@"
}
