#!/usr/bin/env bash
# Scenario "key-rotation": sealed Office Server requests without pause while a merchant's seal key is rotated, on
# the running platform. Started by `./caisse bench key-rotation [options]` (see bench/README.md).
set -euo pipefail
SCENARIO_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=../lib.sh
source "$SCENARIO_DIR/../lib.sh"

INTERVAL=6
ROTATIONS=3
OVERLAP=20
CONNECTIONS=4
usage() {
  cat <<'EOF2'
Usage: ./caisse bench key-rotation [--seconds N] [--rotations R] [--overlap S] [--connections C]
  --seconds N      seconds of load before each rotation (default 6)
  --rotations R    how many times the key is rotated (default 3)
  --overlap S      overlap given to the superseded version, in seconds (default 20; at least the platform's
                   caisse.keys.min-overlap, which ./caisse up sets to 10 s)
  --connections C  concurrent clients sending sealed requests (default 4)
EOF2
}
while [ $# -gt 0 ]; do
  case "$1" in
    --seconds) INTERVAL="${2:?}"; shift 2 ;;
    --rotations) ROTATIONS="${2:?}"; shift 2 ;;
    --overlap) OVERLAP="${2:?}"; shift 2 ;;
    --connections) CONNECTIONS="${2:?}"; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) usage >&2; exit 2 ;;
  esac
done
for n in "$INTERVAL" "$ROTATIONS" "$OVERLAP" "$CONNECTIONS"; do
  [[ "$n" =~ ^[0-9]+$ ]] && [ "$n" -ge 1 ] || bench_die "options take whole numbers >= 1 (got '$n')"
done
# The platform's addresses (127.0.0.1); overridable to point the client at instances on other ports.
OFFICE_URL="${KEY_ROTATION_OFFICE_URL:-http://127.0.0.1:8083}"
PAYPAGE_URL="${KEY_ROTATION_PAYPAGE_URL:-http://127.0.0.1:8081}"
KMS_URL="${KEY_ROTATION_KMS_URL:-http://127.0.0.1:8085}"
for url in "$OFFICE_URL" "$PAYPAGE_URL" "$KMS_URL"; do
  [[ "$url" =~ ^http://127\.0\.0\.1:[0-9]+$ ]] || bench_die "benches target 127.0.0.1 only (got $url)"
done
bench_lock
WORK="$(bench_workdir key-rotation)"

# A merchant of its own per run (15 digits), so the demo merchant's key 1 is never rotated away.
MERCHANT="0020099$(printf '%08d' $(( $(date +%s) % 100000000 )))"
# batch-service plays the operator: the local launcher lists it in caisse.internal.key-rotators, key-downloaders
# and merchant-writers. Tokens live for the run plus a margin.
LIFETIME=$(( (INTERVAL * ROTATIONS + OVERLAP) * 2 + 600 ))
KMS_TOKEN="$(bench_service_jwt batch-service key-management-service "$LIFETIME")"
OFFICE_TOKEN="$(bench_service_jwt batch-service office-server-service "$LIFETIME")"
export KMS_TOKEN OFFICE_TOKEN

bench_log "key-rotation: $ROTATIONS rotations, ${INTERVAL} s of load before each, overlap ${OVERLAP} s, $CONNECTIONS connections"
bench_log "machine busy before the run: $(bench_machine_busy 2) %"
set +e
"$JAVA_HOME/bin/java" -XX:+UseSerialGC -Xmx128m "$SCENARIO_DIR/KeyRotationClient.java" \
  --office="$OFFICE_URL" --paypage="$PAYPAGE_URL" --kms="$KMS_URL" --merchant="$MERCHANT" --rotations="$ROTATIONS" --overlap="PT${OVERLAP}S" --interval="$INTERVAL" \
  --threads="$CONNECTIONS" 2>&1 | tee "$WORK/client.log"
rc=${PIPESTATUS[0]}
set -e
line="$(grep '^KR_RESULT ' "$WORK/client.log" | tail -n 1 | sed 's/^KR_RESULT //')"
[ -n "$line" ] || bench_die "the client stopped before its figures (log: $WORK/client.log)"
bench_result key-rotation "$line"
exit "$rc"
