#!/usr/bin/env bash
# A local single-node Kafka (KRaft, broker + controller) for Caisse: jars under
# $CAISSE_HOME/tools/kafka/lib, data under $CAISSE_HOME/kafka, log in $CAISSE_HOME/logs/kafka.log.
# PLAINTEXT on 127.0.0.1:9092, CONTROLLER on 127.0.0.1:9093.
# Usage: kafka.sh install|start|stop|status|wait
set -euo pipefail
CAISSE_COMPONENT=kafka
# shellcheck source=lib.sh
source "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/lib.sh"

KAFKA_HOST=127.0.0.1
KAFKA_PORT=9092
CONTROLLER_PORT=9093
KAFKA_TOOLS="${CAISSE_HOME}/tools/kafka"
KAFKA_LIB="${KAFKA_TOOLS}/lib"
KAFKA_ROOT="${CAISSE_HOME}/kafka"
KAFKA_DATA="${KAFKA_ROOT}/data"
KAFKA_CONF="${KAFKA_ROOT}/server.properties"
KAFKA_PID="${KAFKA_ROOT}/kafka.pid"
KAFKA_LOG="${CAISSE_HOME}/logs/kafka.log"
KAFKA_HEAP="${CAISSE_KAFKA_HEAP:--Xmx512m}"
WAIT_TIMEOUT="${CAISSE_KAFKA_TIMEOUT:-90}"
POM="${CAISSE_LOCAL_DIR}/kafka/pom.xml"

# The canonical topics of docs/platform-contracts.md: name[:partitions[:compact]].
TOPICS=(
  caisse.transactions.v1:3
  caisse.operations.commands.v1:3
  caisse.operations.results.v1:3
  caisse.keys.v1:3
  caisse.merchants.v1:3:compact
)

cmd_install() {
  ensure_home
  install_maven_jars "${POM}" "${KAFKA_TOOLS}" "${KAFKA_LIB}" "the Kafka jars"
}

write_config() {
  mkdir -p "${KAFKA_DATA}"
  cat >"${KAFKA_CONF}" <<CONF
# Managed by deploy/local/kafka.sh: single node, broker and controller in one process.
process.roles=broker,controller
node.id=1
controller.quorum.bootstrap.servers=${KAFKA_HOST}:${CONTROLLER_PORT}
listeners=PLAINTEXT://${KAFKA_HOST}:${KAFKA_PORT},CONTROLLER://${KAFKA_HOST}:${CONTROLLER_PORT}
advertised.listeners=PLAINTEXT://${KAFKA_HOST}:${KAFKA_PORT}
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
log.dirs=${KAFKA_DATA}
num.partitions=3
auto.create.topics.enable=true
default.replication.factor=1
min.insync.replicas=1
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
num.network.threads=2
num.io.threads=4
log.retention.hours=168
log.segment.bytes=104857600
CONF
}

JAVA_CMD=(
  "$(java_bin)" "${KAFKA_HEAP}" -Xms128m -XX:+UseG1GC -XX:MaxGCPauseMillis=20
  -XX:+ExplicitGCInvokesConcurrent -Djava.awt.headless=true
  -Dlog4j2.configurationFile="${CAISSE_LOCAL_DIR}/kafka/log4j2.properties"
  -cp "${KAFKA_LIB}/*"
)
java_cmd() { "${JAVA_CMD[@]}" "$@"; }

format_storage() {
  if [[ -s "${KAFKA_DATA}/meta.properties" ]]; then
    return 0
  fi
  local cluster_id
  if [[ ! -s "${KAFKA_ROOT}/cluster.id" ]]; then
    java_cmd kafka.tools.StorageTool random-uuid 2>>"${KAFKA_LOG}" | tail -n 1 >"${KAFKA_ROOT}/cluster.id"
  fi
  cluster_id="$(cat "${KAFKA_ROOT}/cluster.id")"
  log "formatting the storage (cluster ${cluster_id})"
  java_cmd kafka.tools.StorageTool format -t "${cluster_id}" -c "${KAFKA_CONF}" --standalone \
    >>"${KAFKA_LOG}" 2>&1 || { tail -n 30 "${KAFKA_LOG}" >&2; die "storage format failed"; }
}

ready() { port_listening "${KAFKA_HOST}" "${KAFKA_PORT}"; }

cmd_start() {
  cmd_install
  mkdir -p "${KAFKA_ROOT}" "$(dirname "${KAFKA_LOG}")"
  if pid_alive "${KAFKA_PID}"; then
    log "already running (pid $(cat "${KAFKA_PID}"))"
  else
    local port owner
    for port in "${KAFKA_PORT}" "${CONTROLLER_PORT}"; do
      owner="$(port_owner "${port}")"
      [[ -z "${owner}" ]] || die "port ${port} is held by another process (pid ${owner})"
    done
    write_config
    format_storage
    log "starting on ${KAFKA_HOST}:${KAFKA_PORT}"
    start_daemon "${KAFKA_PID}" "${KAFKA_LOG}" "${JAVA_CMD[@]}" kafka.Kafka "${KAFKA_CONF}"
  fi
  cmd_wait
  create_topics
}

create_topics() {
  local out
  if ! out="$(cd "${CAISSE_LOCAL_DIR}/kafka" && "$(java_bin)" -Xmx128m -cp "${KAFKA_LIB}/*" \
      -Dlog4j2.configurationFile="${CAISSE_LOCAL_DIR}/kafka/log4j2-tools.properties" \
      CreateTopics.java "${KAFKA_HOST}:${KAFKA_PORT}" "${TOPICS[@]}" 2>&1)"; then
    printf '%s\n' "${out}" >&2
    die "topic creation failed"
  fi
  printf '%s\n' "${out}" | sed 's/^/[kafka] topic /' >&2
}

cmd_stop() {
  stop_pidfile "${KAFKA_PID}" "Kafka" 60
}

cmd_status() {
  if pid_alive "${KAFKA_PID}" && ready; then
    local pid
    pid="$(cat "${KAFKA_PID}")"
    echo "kafka      UP    ${KAFKA_HOST}:${KAFKA_PORT}  pid ${pid}  rss $(group_rss_mb "${pid}") MB  data ${KAFKA_DATA}"
  else
    echo "kafka      DOWN  ${KAFKA_HOST}:${KAFKA_PORT}"
    return 3
  fi
}

cmd_wait() {
  wait_for_process "${WAIT_TIMEOUT}" "${KAFKA_LOG}" "Kafka" "${KAFKA_PID}" ready \
    || die "Kafka is not accepting connections on ${KAFKA_HOST}:${KAFKA_PORT}"
}

case "${1:-}" in
  install) cmd_install ;;
  start) cmd_start ;;
  stop) cmd_stop ;;
  status) cmd_status ;;
  wait) cmd_wait ;;
  *) echo "usage: $0 install|start|stop|status|wait" >&2; exit 2 ;;
esac
