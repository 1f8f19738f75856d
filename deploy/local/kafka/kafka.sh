#!/usr/bin/env bash
# Local single-node Apache Kafka (KRaft) broker for development and tests.
# No Docker here: the broker jars come from Maven Central (see pom.xml) and run on the local JVM.
#
# Usage: deploy/local/kafka/kafka.sh start|stop|status|restart|logs [-f]
#
# Environment (defaults in brackets):
#   KAFKA_PORT             client (PLAINTEXT) port [9092]
#   KAFKA_CONTROLLER_PORT  KRaft controller port [KAFKA_PORT + 10001, i.e. 19093]
#   KAFKA_HOME_DIR         data, logs, pid, generated config [<repo>/.local/kafka-<KAFKA_PORT>]
#   KAFKA_LIB_DIR          jar cache shared by all instances [<repo>/.local/kafka-lib]
#   KAFKA_HEAP_OPTS        JVM heap flags [-Xms256m -Xmx512m]
#   KAFKA_START_TIMEOUT    seconds to wait for the broker to answer [90]
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$SCRIPT_DIR/../../.." && pwd)"
LOCAL_DIR="$REPO_ROOT/.local"

KAFKA_PORT="${KAFKA_PORT:-9092}"
# +10001 rather than +10000: with +10000 the default controller port (19092) would be the
# client port of a second instance started with KAFKA_PORT=19092.
KAFKA_CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-$((KAFKA_PORT + 10001))}"
KAFKA_HOME_DIR="${KAFKA_HOME_DIR:-$LOCAL_DIR/kafka-$KAFKA_PORT}"
KAFKA_LIB_DIR="${KAFKA_LIB_DIR:-$LOCAL_DIR/kafka-lib}"
KAFKA_HEAP_OPTS="${KAFKA_HEAP_OPTS:--Xms256m -Xmx512m}"
KAFKA_START_TIMEOUT="${KAFKA_START_TIMEOUT:-90}"

HOST=127.0.0.1 # not "localhost": clients may resolve it to ::1, where nothing listens
POM="$SCRIPT_DIR/pom.xml"
LOG4J_CONFIG="$SCRIPT_DIR/log4j.properties"
DATA_DIR="$KAFKA_HOME_DIR/data"
SERVER_PROPS="$KAFKA_HOME_DIR/server.properties"
PID_FILE="$KAFKA_HOME_DIR/kafka.pid"
BROKER_LOG="$KAFKA_HOME_DIR/broker.log"
CLUSTER_ID_FILE="$KAFKA_HOME_DIR/cluster-id"
POM_SHA_FILE="$KAFKA_LIB_DIR/.pom.sha256"
# Locks sit next to what they protect (inside .local/ by default): one per instance so two
# starts of the same port don't both launch, one for the shared jar cache so they don't
# both download. Different ports only share the jar lock, so they start in parallel.
INSTANCE_LOCK="${KAFKA_HOME_DIR%/}.lock"
LIB_LOCK="${KAFKA_LIB_DIR%/}.lock"
INSTANCE_LOCK_FD=8 # launch_broker closes fds 8 and 9 literally; keep these in sync
LIB_LOCK_FD=9
# A waiter may sit behind a first-time jar download plus a full start-up.
LOCK_WAIT_SECONDS=$((KAFKA_START_TIMEOUT + 600))

log() { echo "kafka[$KAFKA_PORT]: $*"; }
die() {
  echo "kafka[$KAFKA_PORT]: error: $*" >&2
  exit 1
}

validate_config() {
  local name value
  for name in KAFKA_PORT KAFKA_CONTROLLER_PORT KAFKA_START_TIMEOUT; do
    value="${!name}"
    [[ "$value" =~ ^[0-9]+$ ]] || die "$name must be a number, got '$value'"
  done
  ((KAFKA_PORT >= 1 && KAFKA_PORT <= 65535)) || die "KAFKA_PORT out of range: $KAFKA_PORT"
  ((KAFKA_CONTROLLER_PORT <= 65535)) ||
    die "derived controller port $KAFKA_CONTROLLER_PORT is out of range; set KAFKA_CONTROLLER_PORT"
  ((KAFKA_CONTROLLER_PORT != KAFKA_PORT)) || die "KAFKA_CONTROLLER_PORT must differ from KAFKA_PORT"
}

# --- process and port probes -------------------------------------------------------------

# True when something accepts TCP connections on HOST:$1. `timeout` guards against a hang.
port_open() {
  timeout 2 bash -c "exec 3<>/dev/tcp/$HOST/$1" 2>/dev/null
}

read_pid() {
  [[ -f "$PID_FILE" ]] && cat "$PID_FILE" 2>/dev/null || true
}

# True when $1 is a live (non-zombie) broker of THIS instance. Checking the command line
# protects against a stale pid file whose pid was reused by an unrelated process.
is_our_broker() {
  local pid="$1" state cmdline
  [[ "$pid" =~ ^[0-9]+$ && -r "/proc/$pid/cmdline" ]] || return 1
  state="$(awk '{print $3}' "/proc/$pid/stat" 2>/dev/null || true)"
  [[ -n "$state" && "$state" != Z ]] || return 1
  cmdline="$(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null || true)"
  [[ "$cmdline" == *"kafka.Kafka $SERVER_PROPS"* ]]
}

# Pid of this instance's broker if it is alive, otherwise empty (and a stale pid file is removed).
live_pid() {
  local pid
  pid="$(read_pid)"
  if [[ -n "$pid" ]] && is_our_broker "$pid"; then
    echo "$pid"
  elif [[ -n "$pid" ]]; then
    rm -f "$PID_FILE"
  fi
}

broker_started_logged() {
  [[ -f "$BROKER_LOG" ]] && grep -q "Kafka Server started" "$BROKER_LOG"
}

is_running() {
  local pid
  pid="$(live_pid)"
  [[ -n "$pid" ]] && port_open "$KAFKA_PORT"
}

# --- locking -----------------------------------------------------------------------------

take_lock() {
  local fd="$1" file="$2" what="$3"
  mkdir -p "$(dirname "$file")"
  eval "exec $fd>\"\$file\""
  if ! flock -n "$fd"; then
    log "waiting for another process holding the $what lock ($file)"
    flock -w "$LOCK_WAIT_SECONDS" "$fd" || die "timed out after ${LOCK_WAIT_SECONDS}s waiting for $file"
  fi
}

release_lock() {
  eval "exec $1>&-"
}

# --- prerequisites and jars --------------------------------------------------------------

require_commands() {
  local missing=() cmd
  for cmd in "$@"; do
    command -v "$cmd" >/dev/null 2>&1 || missing+=("$cmd")
  done
  ((${#missing[@]} == 0)) ||
    die "missing required command(s): ${missing[*]} (install them or put them on PATH)"
}

pom_sha() { sha256sum "$POM" | awk '{print $1}'; }

jars_up_to_date() {
  [[ -f "$POM_SHA_FILE" ]] && [[ "$(cat "$POM_SHA_FILE")" == "$(pom_sha)" ]] &&
    compgen -G "$KAFKA_LIB_DIR/kafka_2.13-*.jar" >/dev/null
}

# Fetches the jars only when the cache is missing or pom.xml changed. Downloads into a
# temporary directory and swaps it in, so an interrupted download never leaves a half cache.
ensure_jars() {
  jars_up_to_date && return 0
  take_lock "$LIB_LOCK_FD" "$LIB_LOCK" "jar cache"
  if ! jars_up_to_date; then # another start may have fetched them while we waited
    require_commands mvn
    local tmp="${KAFKA_LIB_DIR%/}.tmp.$$"
    log "fetching Kafka jars with Maven into $KAFKA_LIB_DIR (first run downloads ~50 MB)"
    rm -rf "$tmp"
    mkdir -p "$tmp"
    # Maven's output goes to a file (even with -q -B it prints stray ANSI resets) and is only
    # shown when it fails. A download that stalls (seen: a connection silent for 20 minutes)
    # times out after a minute and the fetch is tried again; what was fetched stays in ~/.m2.
    local attempt fetched=false
    for attempt in 1 2 3; do
      if mvn -q -B -f "$POM" dependency:copy-dependencies \
        -Dmaven.wagon.rx.timeout=60000 -Dmaven.wagon.http.retryHandler.count=3 \
        -DoutputDirectory="$tmp" -DincludeScope=runtime >"$tmp.mvn.log" 2>&1; then
        fetched=true
        break
      fi
      log "maven fetch attempt $attempt failed; retrying"
    done
    if [ "$fetched" != true ]; then
      cat "$tmp.mvn.log" >&2
      rm -rf "$tmp" "$tmp.mvn.log"
      die "maven could not fetch the Kafka jars (output above)"
    fi
    rm -f "$tmp.mvn.log"
    pom_sha >"$tmp/.pom.sha256"
    rm -rf "$KAFKA_LIB_DIR"
    mv "$tmp" "$KAFKA_LIB_DIR"
    log "jars ready ($(find "$KAFKA_LIB_DIR" -name '*.jar' | wc -l) jars)"
  fi
  release_lock "$LIB_LOCK_FD"
}

# --- configuration and storage -----------------------------------------------------------

write_server_properties() {
  cat >"$SERVER_PROPS" <<EOF
# Generated by deploy/local/kafka/kafka.sh on every start; edit the script, not this file.
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@$HOST:$KAFKA_CONTROLLER_PORT
listeners=PLAINTEXT://$HOST:$KAFKA_PORT,CONTROLLER://$HOST:$KAFKA_CONTROLLER_PORT
advertised.listeners=PLAINTEXT://$HOST:$KAFKA_PORT
inter.broker.listener.name=PLAINTEXT
controller.listener.names=CONTROLLER
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
log.dirs=$DATA_DIR

# One broker: internal topics must not ask for more replicas than exist, and one partition
# each keeps the first consumer-group join and first transaction fast.
offsets.topic.replication.factor=1
offsets.topic.num.partitions=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
transaction.state.log.num.partitions=1
# Default 3000 ms delay before the first rebalance only slows tests down.
group.initial.rebalance.delay.ms=0

# Tests create the topics they need explicitly; typos should fail, not create topics.
auto.create.topics.enable=false
delete.topic.enable=true
num.partitions=3

# A dev box, not an archive: keep a day of data, in segments small enough to be deleted.
log.retention.hours=24
log.segment.bytes=16777216
EOF
}

run_storage_tool() {
  java -Xmx256m -Dlog4j.configuration="file:$LOG4J_CONFIG" -cp "$KAFKA_LIB_DIR/*" \
    kafka.tools.StorageTool "$@"
}

# The cluster id lives in KAFKA_HOME_DIR/cluster-id so restarts reuse the same data.
ensure_cluster_id() {
  [[ -s "$CLUSTER_ID_FILE" ]] && return 0
  local existing
  existing="$(formatted_cluster_id)"
  if [[ -n "$existing" ]]; then
    echo "$existing" >"$CLUSTER_ID_FILE" # keep data formatted before the id file existed
  else
    run_storage_tool random-uuid | tail -n 1 >"$CLUSTER_ID_FILE"
  fi
}

formatted_cluster_id() {
  local meta="$DATA_DIR/meta.properties"
  [[ -f "$meta" ]] && sed -n 's/^cluster\.id=//p' "$meta" || true
}

# Formats the data dir once. A data dir formatted with another cluster id would stop the
# broker at start-up, so it is wiped and reformatted (and we say so).
ensure_storage_formatted() {
  local wanted current
  ensure_cluster_id
  wanted="$(cat "$CLUSTER_ID_FILE")"
  current="$(formatted_cluster_id)"
  [[ "$current" == "$wanted" ]] && return 0
  if [[ -n "$current" ]]; then
    log "data dir $DATA_DIR was formatted with cluster id $current, expected $wanted: wiping it and reformatting"
    rm -rf "$DATA_DIR"
  fi
  log "formatting storage (cluster id $wanted)"
  run_storage_tool format -t "$wanted" -c "$SERVER_PROPS" >/dev/null ||
    die "storage format failed"
}

# --- launch and readiness ----------------------------------------------------------------

launch_broker() {
  local heap_opts
  read -ra heap_opts <<<"$KAFKA_HEAP_OPTS"
  # Keep the previous run's log for post-mortems; a fresh log also means the readiness grep
  # cannot match an old "Kafka Server started" line.
  [[ -f "$BROKER_LOG" ]] && mv -f "$BROKER_LOG" "$BROKER_LOG.prev"
  rm -f "$PID_FILE"
  # setsid: own session, so Ctrl-C / SIGHUP of the calling shell or CI step does not reach it.
  # stdin from /dev/null and stdout/stderr to a file, so it never holds the caller's pipes
  # (a CI step would otherwise wait for the broker to exit). The lock fds are closed so the
  # broker does not keep holding the start locks. The inner shell writes its own pid and then
  # execs java, so the pid file is right even if setsid had to fork.
  nohup setsid bash -c 'echo $$ >"$1"; shift; exec "$@"' kafka-launch "$PID_FILE" \
    java "${heap_opts[@]}" -XX:+UseG1GC -XX:MaxGCPauseMillis=20 -XX:+ExitOnOutOfMemoryError \
    -Djava.awt.headless=true -Dlog4j.configuration="file:$LOG4J_CONFIG" \
    -cp "$KAFKA_LIB_DIR/*" kafka.Kafka "$SERVER_PROPS" \
    </dev/null >>"$BROKER_LOG" 2>&1 8>&- 9>&- &
}

print_log_tail() {
  echo "----- last 40 lines of $BROKER_LOG -----" >&2
  tail -n 40 "$BROKER_LOG" >&2 2>/dev/null || true
  echo "-----" >&2
}

# Waits until the broker logged "Kafka Server started" AND accepts connections on its port.
# Gives up early if the process dies, and stops it on timeout so the next start is clean.
wait_until_ready() {
  local deadline=$((SECONDS + KAFKA_START_TIMEOUT)) pid=""
  while ((SECONDS < deadline)); do
    [[ -n "$pid" ]] || pid="$(read_pid)"
    if [[ -n "$pid" ]] && ! is_our_broker "$pid"; then
      log "broker process $pid exited during start-up"
      print_log_tail
      rm -f "$PID_FILE"
      return 1
    fi
    if [[ -n "$pid" ]] && broker_started_logged && port_open "$KAFKA_PORT"; then
      return 0
    fi
    sleep 0.5
  done
  log "broker did not answer on $HOST:$KAFKA_PORT within ${KAFKA_START_TIMEOUT}s"
  print_log_tail
  if [[ -n "$pid" ]]; then
    stop_pid "$pid"
    log "stopped the half-started broker (pid $pid); raise KAFKA_START_TIMEOUT if it is just slow"
  fi
  return 1
}

# Fails if another program already holds one of our ports: the broker would die on bind.
check_ports_free() {
  local port
  for port in "$KAFKA_PORT" "$KAFKA_CONTROLLER_PORT"; do
    if port_open "$port"; then
      die "$HOST:$port is already in use by a process this script did not start" \
        "(no live pid in $PID_FILE); stop it or choose another KAFKA_PORT / KAFKA_CONTROLLER_PORT"
    fi
  done
}

stop_pid() {
  local pid="$1" waited=0
  kill -TERM "$pid" 2>/dev/null || true
  # A clean KRaft shutdown takes a few seconds; SIGKILL only if it hangs.
  while is_our_broker "$pid" && ((waited < 60)); do
    sleep 0.5
    waited=$((waited + 1))
  done
  if is_our_broker "$pid"; then
    log "pid $pid still alive after 30s, sending SIGKILL"
    kill -KILL "$pid" 2>/dev/null || true
    sleep 1
  fi
  rm -f "$PID_FILE"
}

# --- subcommands -------------------------------------------------------------------------

cmd_start() {
  # Fast path: no lock, no JVM, so a repeated start is instant.
  if is_running; then
    log "already running on $HOST:$KAFKA_PORT (pid $(read_pid))"
    return 0
  fi
  local started_at=$SECONDS pid
  require_commands java flock setsid sha256sum timeout
  mkdir -p "$KAFKA_HOME_DIR"
  take_lock "$INSTANCE_LOCK_FD" "$INSTANCE_LOCK" "instance"
  pid="$(live_pid)"
  if [[ -n "$pid" ]]; then
    # Started by a concurrent `start` while we waited, or a start that was interrupted.
    log "broker pid $pid is alive; waiting for it to answer"
  else
    ensure_jars
    check_ports_free
    write_server_properties
    ensure_storage_formatted
    log "starting broker (log: $BROKER_LOG)"
    launch_broker
  fi
  wait_until_ready || exit 1
  release_lock "$INSTANCE_LOCK_FD"
  log "running on $HOST:$KAFKA_PORT (pid $(read_pid), ready in $((SECONDS - started_at))s)"
}

cmd_stop() {
  mkdir -p "$KAFKA_HOME_DIR"
  take_lock "$INSTANCE_LOCK_FD" "$INSTANCE_LOCK" "instance"
  local pid
  pid="$(live_pid)"
  if [[ -z "$pid" ]]; then
    log "not running"
  else
    log "stopping pid $pid"
    stop_pid "$pid"
    log "stopped"
  fi
  release_lock "$INSTANCE_LOCK_FD"
}

cmd_status() {
  if is_running; then
    echo "running on $HOST:$KAFKA_PORT"
    return 0
  fi
  echo "not running"
  return 3
}

cmd_logs() {
  [[ -f "$BROKER_LOG" ]] || die "no log yet at $BROKER_LOG"
  if [[ "${1:-}" == "-f" ]]; then
    exec tail -n 100 -F "$BROKER_LOG"
  fi
  tail -n "${KAFKA_LOG_LINES:-100}" "$BROKER_LOG"
}

usage() {
  echo "usage: $(basename "$0") start|stop|status|restart|logs [-f]" >&2
  exit 2
}

main() {
  validate_config
  case "${1:-}" in
  start) cmd_start ;;
  stop) cmd_stop ;;
  status) cmd_status ;;
  restart)
    cmd_stop
    cmd_start
    ;;
  logs) cmd_logs "${2:-}" ;;
  *) usage ;;
  esac
}

main "$@"
