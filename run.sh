#!/usr/bin/env bash
# The suite's main command: builds what is missing and runs everything on this machine with nothing but a JDK 17.
#
#   ./run.sh              build if needed, start the infrastructure and the five services, stay in the foreground
#   ./run.sh infra        only the infrastructure (Kafka, MongoDB, mail, token issuer), e.g. to run a service in an IDE
#   ./run.sh token USER   print a bearer token for a demo user from the running token issuer
#   ./run.sh clean        delete the local data (MongoDB, Kafka, signing key) while nothing runs
#   ./run.sh help         this text, with the environment variables
#
# Ctrl-C (or SIGTERM) stops every process this script started: the services first, then the infrastructure.
# Written for bash 3.2 as well (macOS), so no associative arrays and no `wait -n`.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$ROOT"

# ---------------------------------------------------------------------------------------------------------------
# Settings. Every port can be overridden from the environment.

: "${EOPS_KAFKA_PORT:=9092}"
: "${EOPS_KAFKA_CONTROLLER_PORT:=9093}"
: "${EOPS_MONGO_PORT:=27017}"
: "${EOPS_SMTP_PORT:=2525}"
: "${EOPS_IMAP_PORT:=2143}"
: "${EOPS_MAIL_UI_PORT:=8025}"
: "${EOPS_ISSUER_PORT:=9000}"
: "${REQUEST_SERVICE_PORT:=8081}"
: "${PUBLICATION_SERVICE_PORT:=8082}"
: "${PURGE_SERVICE_PORT:=8083}"
: "${PERMISSION_SERVICE_PORT:=8084}"
: "${NOTIFICATION_SERVICE_PORT:=8085}"
# The local-stack processes read their ports from these.
export EOPS_MONGO_PORT EOPS_SMTP_PORT EOPS_IMAP_PORT EOPS_MAIL_UI_PORT EOPS_ISSUER_PORT

LOCAL_DIR="$ROOT/.local"
DATA_DIR="$LOCAL_DIR/data"
LOG_DIR="$LOCAL_DIR/logs"
KAFKA_DIR="$LOCAL_DIR/kafka"
# "PID NAME" of every process this run started, one per line, while it runs: for scripts (CI) that must
# check afterwards that exactly these processes are gone. Removed once the suite has stopped.
RUN_PIDS_FILE="$LOCAL_DIR/run.pids"
export EOPS_DATA_DIR="$DATA_DIR"

VERSION="0.1.0-SNAPSHOT"
LOCAL_STACK_JAR="local-stack/target/local-stack-$VERSION.jar"
LOCAL_STACK_CLASSPATH="$LOCAL_STACK_JAR:local-stack/target/lib/*"
SERVICES=(request-service publication-service purge-service permission-service notification-service)

INFRA_STARTUP_SECONDS=90
SERVICE_READINESS_SECONDS="${READINESS_TIMEOUT_SECONDS:-180}"
# Per phase (services, then infrastructure): a full stop takes at most twice this, plus the kills.
STOP_GRACE_SECONDS=40

JAVA="java"
if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
  JAVA="$JAVA_HOME/bin/java"
fi

# The processes this script started, in start order; parallel arrays because bash 3.2 has no maps.
PIDS=()
NAMES=()
KINDS=()
STOPPING=0
TICK_PID=""

# ---------------------------------------------------------------------------------------------------------------
# Small helpers

say() { printf '%s\n' "$*"; }
die() {
  printf 'run.sh: %s\n' "$*" >&2
  exit 1
}
have() { command -v "$1" >/dev/null 2>&1; }

service_port() {
  case "$1" in
    request-service) echo "$REQUEST_SERVICE_PORT" ;;
    publication-service) echo "$PUBLICATION_SERVICE_PORT" ;;
    purge-service) echo "$PURGE_SERVICE_PORT" ;;
    permission-service) echo "$PERMISSION_SERVICE_PORT" ;;
    notification-service) echo "$NOTIFICATION_SERVICE_PORT" ;;
    *) die "unknown service $1" ;;
  esac
}

service_jar() { echo "$1/target/$1.jar"; }

# True when something accepts TCP connections on localhost:PORT. All servers here bind to the IPv4 loopback.
port_open() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# http_get PORT PATH: sets HTTP_STATUS (000 when nothing answers) and HTTP_BODY. Uses curl, else bash's /dev/tcp.
http_get() {
  local port=$1 path=$2 response
  HTTP_STATUS=000
  HTTP_BODY=""
  if have curl; then
    response=$(curl -s --max-time 5 -w '\n%{http_code}' "http://localhost:$port$path") || return 0
    HTTP_STATUS=${response##*$'\n'}
    HTTP_BODY=${response%$'\n'*}
  else
    response=$(
      exec 3<>"/dev/tcp/127.0.0.1/$port" || exit 1
      printf 'GET %s HTTP/1.0\r\nHost: localhost:%s\r\n\r\n' "$path" "$port" >&3
      cat <&3
    ) 2>/dev/null || return 0
    local status_line=${response%%$'\r'*}
    HTTP_STATUS=$(printf '%s' "$status_line" | awk '{print $2}')
    HTTP_BODY=${response#*$'\r\n\r\n'}
  fi
}

require_java() {
  have "$JAVA" || [ -x "$JAVA" ] || die "Java not found. Install a JDK 17 (or newer) and put java on the PATH or set JAVA_HOME."
  local version major
  version=$("$JAVA" -version 2>&1 | head -n 1 || true)
  major=$(printf '%s' "$version" | sed -E 's/.*version "(1\.)?([0-9]+).*/\2/')
  case "$major" in
    '' | *[!0-9]*) say "run.sh: cannot tell the Java version from: $version (going on)" ;;
    *) [ "$major" -ge 17 ] || die "Java $major found, Java 17 or newer is needed ($version)." ;;
  esac
}

pid_of() {
  local i
  for i in "${!NAMES[@]}"; do
    if [ "${NAMES[$i]}" = "$1" ]; then
      echo "${PIDS[$i]}"
      return 0
    fi
  done
  return 1
}

is_running() { kill -0 "$1" 2>/dev/null; }

# ---------------------------------------------------------------------------------------------------------------
# Building

# newer_source JAR PATH...: prints a pom.xml or a file under a src/ folder below PATH that is newer than JAR.
newer_source() {
  local jar=$1
  shift
  # `|| true`: head closes the pipe early, and pipefail must not turn that into a failure.
  find "$@" \( -path ./.local -o -path ./.git -o -name target -o -name node_modules \) -prune \
    -o -type f \( -name pom.xml -o -path '*/src/*' \) -newer "$jar" -print 2>/dev/null | head -n 1 || true
}

# needs_build SCOPE JAR...: succeeds when a jar is missing or a source it is built from changed after it.
needs_build() {
  local scope=$1 jar newer
  shift
  [ -d local-stack/target/lib ] || return 0
  for jar in "$@"; do
    if [ ! -f "$jar" ]; then
      say "  $jar is missing"
      return 0
    fi
    if [ "$scope" = all ]; then
      # A service jar holds the shared modules too, so any change in the tree counts.
      newer=$(newer_source "$jar" .)
    else
      newer=$(newer_source "$jar" pom.xml local-stack)
    fi
    if [ -n "$newer" ]; then
      say "  $newer changed after $jar was built"
      return 0
    fi
  done
  return 1
}

# build_if_needed all|infra
build_if_needed() {
  local scope=$1 jars=("$LOCAL_STACK_JAR") svc
  if [ "$scope" = all ]; then
    for svc in "${SERVICES[@]}"; do jars+=("$(service_jar "$svc")"); done
  fi
  if [ "${SKIP_BUILD:-0}" = 1 ]; then
    return 0
  fi
  if [ "${REBUILD:-0}" != 1 ] && ! needs_build "$scope" "${jars[@]}"; then
    return 0
  fi
  # -DskipTests: this is about running the suite; `./mvnw verify` runs the tests.
  if [ "$scope" = all ]; then
    say "Building the suite with ./mvnw -q -DskipTests install (the first build downloads dependencies: a few minutes)..."
    ./mvnw -q -DskipTests install || die "The build failed; see the Maven output above."
  else
    say "Building local-stack with ./mvnw -q -DskipTests -pl local-stack -am install ..."
    ./mvnw -q -DskipTests -pl local-stack -am install || die "The build failed; see the Maven output above."
  fi
  for jar in "${jars[@]}"; do
    [ -f "$jar" ] || die "The build finished but $jar is missing."
  done
}

# ---------------------------------------------------------------------------------------------------------------
# Starting and stopping processes

# start_process NAME KIND COMMAND...: runs COMMAND in the background with its output in .local/logs/NAME.log.
# A background job of a non-interactive shell ignores SIGINT, and the JVM keeps ignoring it: Ctrl-C reaches only
# this script, which then stops the processes itself, in order.
start_process() {
  local name=$1 kind=$2 log="$LOG_DIR/$1.log"
  shift 2
  # The previous run's log survives one restart, for looking into a crash after the fact.
  if [ -f "$log" ]; then mv -f "$log" "$log.previous"; fi
  "$@" >"$log" 2>&1 </dev/null &
  printf '%s %s\n' "$!" "$name" >>"$RUN_PIDS_FILE"
  PIDS+=("$!")
  NAMES+=("$name")
  KINDS+=("$kind")
}

# Reports a process that exited on its own and ends the script (the EXIT trap stops the rest).
report_death() {
  local name=$1 pid=$2 status=0
  wait "$pid" 2>/dev/null || status=$?
  printf '\nrun.sh: %s stopped unexpectedly (exit status %s). Last lines of .local/logs/%s.log:\n' \
    "$name" "$status" "$name" >&2
  tail -n 25 "$LOG_DIR/$name.log" 2>/dev/null | sed 's/^/  | /' >&2 || true
  exit 1
}

check_all_alive() {
  local i
  for i in "${!PIDS[@]}"; do
    is_running "${PIDS[$i]}" || report_death "${NAMES[$i]}" "${PIDS[$i]}"
  done
}

# stop_kind KIND: SIGTERM to every live process of that kind, then waits; SIGKILL for what outlives the grace time.
stop_kind() {
  local kind=$1 i live=() pid deadline
  for ((i = ${#PIDS[@]} - 1; i >= 0; i--)); do
    if [ "${KINDS[$i]}" = "$kind" ] && is_running "${PIDS[$i]}"; then
      say "  stopping ${NAMES[$i]}"
      kill -TERM "${PIDS[$i]}" 2>/dev/null || true
      live+=("${PIDS[$i]}")
    fi
  done
  deadline=$((SECONDS + STOP_GRACE_SECONDS))
  for pid in ${live[@]+"${live[@]}"}; do
    while is_running "$pid" && [ "$SECONDS" -lt "$deadline" ]; do sleep 0.2; done
    if is_running "$pid"; then
      say "  process $pid did not stop within ${STOP_GRACE_SECONDS}s; killing it"
      kill -KILL "$pid" 2>/dev/null || true
    fi
    wait "$pid" 2>/dev/null || true
  done
}

stop_all() {
  [ "$STOPPING" = 0 ] || return 0
  STOPPING=1
  trap '' INT TERM
  if [ -n "$TICK_PID" ]; then kill "$TICK_PID" 2>/dev/null || true; fi
  if [ "${#PIDS[@]}" -gt 0 ]; then
    say "Stopping the suite..."
    stop_kind service
    stop_kind infra
    say "Stopped."
  fi
  rm -f "$RUN_PIDS_FILE"
}

on_signal() {
  printf '\n'
  stop_all
  # A requested stop that went through is a success, also for scripts that run the suite and then kill it.
  exit 0
}

# ---------------------------------------------------------------------------------------------------------------
# Infrastructure

write_kafka_config() {
  mkdir -p "$KAFKA_DIR" "$DATA_DIR/kafka"
  cat >"$KAFKA_DIR/server.properties" <<EOF
# Written by run.sh on every start (change run.sh, not this file).
# One broker that is its own controller (KRaft combined mode); data in $DATA_DIR/kafka.
process.roles=broker,controller
node.id=1
listeners=PLAINTEXT://localhost:$EOPS_KAFKA_PORT,CONTROLLER://localhost:$EOPS_KAFKA_CONTROLLER_PORT
advertised.listeners=PLAINTEXT://localhost:$EOPS_KAFKA_PORT,CONTROLLER://localhost:$EOPS_KAFKA_CONTROLLER_PORT
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
inter.broker.listener.name=PLAINTEXT
controller.listener.names=CONTROLLER
controller.quorum.bootstrap.servers=localhost:$EOPS_KAFKA_CONTROLLER_PORT
log.dirs=$DATA_DIR/kafka
num.partitions=3
auto.create.topics.enable=true
group.initial.rebalance.delay.ms=0
# The log cleaner's default 128 MB buffer is sized for production; 16 MB saves ~120 MB of broker memory here.
log.cleaner.dedupe.buffer.size=16777216
# A single broker can keep only one copy of anything.
default.replication.factor=1
min.insync.replicas=1
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
EOF
}

# Kafka's storage is formatted once; after that the same data directory is reused on every start.
format_kafka_storage() {
  local log4j="-Dlog4j2.configurationFile=log4j2-local-stack.xml" cluster_id
  if [ -f "$DATA_DIR/kafka/meta.properties" ]; then
    return 0
  fi
  say "Formatting Kafka's storage in .local/data/kafka (first start only)..."
  cluster_id=$("$JAVA" "$log4j" -cp "$LOCAL_STACK_CLASSPATH" kafka.tools.StorageTool random-uuid | tail -n 1)
  "$JAVA" "$log4j" -cp "$LOCAL_STACK_CLASSPATH" kafka.tools.StorageTool format --standalone \
    -t "$cluster_id" -c "$KAFKA_DIR/server.properties" >"$LOG_DIR/kafka-format.log" 2>&1 ||
    die "Formatting Kafka's storage failed; see .local/logs/kafka-format.log"
}

check_port_free() {
  if port_open "$2"; then
    die "Port $2 ($1) is already in use. Is the suite already running? Stop it, or choose another port with $3."
  fi
}

start_infrastructure() {
  check_port_free "MongoDB" "$EOPS_MONGO_PORT" EOPS_MONGO_PORT
  check_port_free "Kafka" "$EOPS_KAFKA_PORT" EOPS_KAFKA_PORT
  check_port_free "Kafka controller" "$EOPS_KAFKA_CONTROLLER_PORT" EOPS_KAFKA_CONTROLLER_PORT
  check_port_free "SMTP" "$EOPS_SMTP_PORT" EOPS_SMTP_PORT
  check_port_free "IMAP" "$EOPS_IMAP_PORT" EOPS_IMAP_PORT
  check_port_free "mail viewer" "$EOPS_MAIL_UI_PORT" EOPS_MAIL_UI_PORT
  check_port_free "token issuer" "$EOPS_ISSUER_PORT" EOPS_ISSUER_PORT

  local log4j="-Dlog4j2.configurationFile=log4j2-local-stack.xml"
  # A small initial heap (-Xms): the JVM's default, 1/64 of the machine's memory, costs hundreds of MB of RSS.
  # -XX:+ExitOnOutOfMemoryError: a JVM out of memory dies (and run.sh reports it) instead of lingering with
  # its port closed or every call refused.
  local small_jvm=(-Xms32m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xss512k -XX:+ExitOnOutOfMemoryError)
  say "Starting the infrastructure (logs in .local/logs)..."
  # 1 GB at most (it starts small): counting and sweeping a benchmark's documents ran 256 MB out of memory.
  start_process mongodb infra "$JAVA" -Xmx1g "${small_jvm[@]}" "$log4j" \
    -cp "$LOCAL_STACK_CLASSPATH" se.municipality.eops.localstack.MongoServerMain "$DATA_DIR"
  start_process dev-services infra "$JAVA" -Xmx128m "${small_jvm[@]}" "$log4j" \
    -cp "$LOCAL_STACK_CLASSPATH" se.municipality.eops.localstack.DevServicesMain "$DATA_DIR"

  write_kafka_config
  format_kafka_storage
  start_process kafka infra "$JAVA" -Xms64m -Xmx512m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:+ExitOnOutOfMemoryError "$log4j" \
    -Djava.awt.headless=true \
    -cp "$LOCAL_STACK_CLASSPATH" kafka.Kafka "$KAFKA_DIR/server.properties"

  wait_for_port mongodb "$EOPS_MONGO_PORT"
  wait_for_port dev-services "$EOPS_SMTP_PORT"
  wait_for_port dev-services "$EOPS_IMAP_PORT"
  wait_for_port dev-services "$EOPS_MAIL_UI_PORT"
  wait_for_port dev-services "$EOPS_ISSUER_PORT"
  wait_for_port kafka "$EOPS_KAFKA_PORT"
  say "  infrastructure ready after ${SECONDS}s"
}

# wait_for_port NAME PORT: waits until the process NAME listens on PORT; fails if it dies or takes too long.
wait_for_port() {
  local name=$1 port=$2 pid deadline
  pid=$(pid_of "$name")
  deadline=$((SECONDS + INFRA_STARTUP_SECONDS))
  until port_open "$port"; do
    is_running "$pid" || report_death "$name" "$pid"
    [ "$SECONDS" -lt "$deadline" ] ||
      die "$name is not listening on port $port after ${INFRA_STARTUP_SECONDS}s; see .local/logs/$name.log"
    sleep 0.2
  done
}

# ---------------------------------------------------------------------------------------------------------------
# Services

start_services() {
  # What the services read to find the infrastructure (see each service's application.yml).
  export EOPS_KAFKA_BOOTSTRAP="localhost:$EOPS_KAFKA_PORT"
  export EOPS_MONGODB_HOST="localhost"
  export EOPS_MONGODB_PORT="$EOPS_MONGO_PORT"
  export EOPS_ISSUER_URI="http://localhost:$EOPS_ISSUER_PORT"
  export EOPS_SMTP_HOST="localhost"
  export EOPS_SMTP_PORT
  # The local mail server speaks plain SMTP; everywhere else notification-service requires STARTTLS.
  export EOPS_SMTP_STARTTLS=false

  local java_opts=() svc port
  if [ -n "${JAVA_OPTS:-}" ]; then
    read -r -a java_opts <<<"$JAVA_OPTS"
  fi
  for svc in "${SERVICES[@]}"; do
    check_port_free "$svc" "$(service_port "$svc")" "$(printf '%s' "$svc" | tr 'a-z-' 'A-Z_')_PORT"
  done
  # Small, quickly started JVMs: five of them share a laptop with the infrastructure. -Xms32m: the heap
  # starts small and grows when needed, instead of being resident at its maximum from the start (~60 MB
  # less per service at idle).
  SERVICE_JVM=(-Xms32m -Xmx256m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xss512k -XX:+ExitOnOutOfMemoryError
    ${java_opts[@]+"${java_opts[@]}"})
  prepare_class_data_sharing
  say "Starting the services..."
  for svc in "${SERVICES[@]}"; do
    port=$(service_port "$svc")
    start_process "$svc" service "$JAVA" "${SERVICE_JVM[@]}" $(class_data_sharing "$svc") \
      -jar "$(extracted_jar "$svc")" --server.port="$port"
  done
  wait_for_readiness
}

# Services run from Spring Boot's extracted layout (the application jar beside lib/), which class-data sharing
# needs; it is extracted again whenever the service's jar was rebuilt.
extracted_jar() { echo "$1/target/extracted/$1.jar"; }
cds_archive() { echo "$1/target/extracted/$1.jsa"; }

# The class-data-sharing archive of each service: the classes it loads until its context is refreshed,
# parsed and verified once, mapped into memory at every later start (measured here: about a third less CPU
# to start). Made by a training run (-Dspring.context.exit=onRefresh) against the running infrastructure the
# first time after each build, all services at once; a service whose training fails starts without one.
prepare_class_data_sharing() {
  local svc jar extracted training=() pids=() i
  for svc in "${SERVICES[@]}"; do
    jar=$(service_jar "$svc")
    extracted=$(extracted_jar "$svc")
    if [ ! -f "$extracted" ] || [ "$jar" -nt "$extracted" ]; then
      rm -rf "$svc/target/extracted"
      "$JAVA" -Djarmode=tools -jar "$jar" extract --destination "$svc/target/extracted" \
        >"$LOG_DIR/$svc-extract.log" 2>&1 || die "Extracting $jar failed; see .local/logs/$svc-extract.log"
      # The extracted jar keeps its entries' times; make it no older than the jar it came from.
      touch "$extracted"
    fi
    [ -f "$(cds_archive "$svc")" ] || training+=("$svc")
  done
  [ "${#training[@]}" -gt 0 ] || return 0
  say "Preparing class-data sharing for ${training[*]} (first start after a build only)..."
  for svc in "${training[@]}"; do
    "$JAVA" "${SERVICE_JVM[@]}" -XX:ArchiveClassesAtExit="$(cds_archive "$svc")" -Xlog:cds=off -Xlog:cds+dynamic=off \
      -Dspring.context.exit=onRefresh -jar "$(extracted_jar "$svc")" --server.port=0 \
      >"$LOG_DIR/$svc-cds.log" 2>&1 </dev/null &
    pids+=("$!")
  done
  for i in "${!pids[@]}"; do
    wait "${pids[$i]}" 2>/dev/null || true
    if [ ! -f "$(cds_archive "${training[$i]}")" ]; then
      say "  ${training[$i]}: no class-data-sharing archive (see .local/logs/${training[$i]}-cds.log); it starts without one"
    fi
  done
}

# The JVM option that maps a service's archive, when it has one.
class_data_sharing() {
  local archive
  archive=$(cds_archive "$1")
  if [ -f "$archive" ]; then
    echo "-XX:SharedArchiveFile=$archive -Xlog:cds=off -Xlog:cds+dynamic=off"
  fi
}

wait_for_readiness() {
  local pending=("${SERVICES[@]}") still svc pid port started=$SECONDS
  local deadline=$((SECONDS + SERVICE_READINESS_SECONDS))
  while [ "${#pending[@]}" -gt 0 ]; do
    still=()
    for svc in "${pending[@]}"; do
      pid=$(pid_of "$svc")
      is_running "$pid" || report_death "$svc" "$pid"
      port=$(service_port "$svc")
      http_get "$port" /actuator/health/readiness
      if [ "$HTTP_STATUS" = 200 ]; then
        say "  $svc ready after $((SECONDS - started))s"
      else
        still+=("$svc")
      fi
    done
    pending=(${still[@]+"${still[@]}"})
    [ "${#pending[@]}" -gt 0 ] || break
    if [ "$SECONDS" -ge "$deadline" ]; then
      for svc in "${pending[@]}"; do
        printf 'run.sh: %s is not ready after %ss (http://localhost:%s/actuator/health/readiness); see .local/logs/%s.log\n' \
          "$svc" "$SERVICE_READINESS_SECONDS" "$(service_port "$svc")" "$svc" >&2
      done
      exit 1
    fi
    sleep 1
  done
}

# ---------------------------------------------------------------------------------------------------------------
# What runs where

print_infrastructure() {
  say ""
  say "  Infrastructure"
  printf '    %-14s %s\n' \
    "Kafka" "localhost:$EOPS_KAFKA_PORT" \
    "MongoDB" "mongodb://localhost:$EOPS_MONGO_PORT" \
    "SMTP" "localhost:$EOPS_SMTP_PORT (no authentication; any recipient gets a mailbox)" \
    "IMAP" "localhost:$EOPS_IMAP_PORT (user and password: the recipient's e-mail address)" \
    "Mail viewer" "http://localhost:$EOPS_MAIL_UI_PORT/" \
    "Token issuer" "http://localhost:$EOPS_ISSUER_PORT (/.well-known/openid-configuration)"
}

print_services() {
  local svc port
  say ""
  say "  Services"
  for svc in "${SERVICES[@]}"; do
    port=$(service_port "$svc")
    printf '    %-22s http://localhost:%-6s Swagger UI: http://localhost:%s/swagger-ui/index.html\n' \
      "$svc" "$port" "$port"
  done
}

print_users() {
  say ""
  say "  Demo users (a token: ./run.sh token USER)"
  http_get "$EOPS_ISSUER_PORT" "/users?format=text"
  if [ "$HTTP_STATUS" = 200 ]; then
    printf '%s\n' "$HTTP_BODY" | sed '/^$/d; s/^/    /'
  else
    say "    (cannot list them: the token issuer answered $HTTP_STATUS)"
  fi
}

# Resident memory of everything run.sh started, so the suite's footprint is a figure, not a guess.
print_memory() {
  local i rss total=0 parts=""
  for i in "${!PIDS[@]}"; do
    rss=$(ps -o rss= -p "${PIDS[$i]}" 2>/dev/null | tr -d ' ' || true)
    [ -n "$rss" ] || continue
    total=$((total + rss))
    parts="$parts, ${NAMES[$i]} $((rss / 1024))"
  done
  say ""
  say "  Memory: $((total / 1024)) MB resident in total (MB:${parts#,})"
}

print_footer() {
  say ""
  say "  Logs: .local/logs/<name>.log    Data: .local/data (kept across restarts; ./run.sh clean deletes it)"
  say "  Press Ctrl-C to stop everything."
  say ""
}

print_summary() {
  say ""
  say "The e-service operations suite is running. All five services are ready after ${SECONDS}s."
  print_infrastructure
  print_services
  print_users
  print_memory
  say ""
  say "  Try it (files a request as anna; the receipt shows up at http://localhost:$EOPS_MAIL_UI_PORT/):"
  say "    curl -s -X POST http://localhost:$REQUEST_SERVICE_PORT/api/requests \\"
  say "      -H \"Authorization: Bearer \$(./run.sh token anna)\" -H 'Content-Type: application/json' \\"
  say "      -d '{\"type\":\"PURGE\",\"purge\":{\"kind\":\"TEST_CASES\",\"eServiceId\":\"es-1042\",\"eServiceName\":\"Parkeringstillstånd\"}}'"
  print_footer
}

print_infra_summary() {
  say ""
  say "The infrastructure is running (no services)."
  print_infrastructure
  print_users
  say ""
  say "  Run a service against it with these environment variables:"
  say "    EOPS_KAFKA_BOOTSTRAP=localhost:$EOPS_KAFKA_PORT EOPS_MONGODB_HOST=localhost EOPS_MONGODB_PORT=$EOPS_MONGO_PORT"
  say "    EOPS_ISSUER_URI=http://localhost:$EOPS_ISSUER_PORT EOPS_SMTP_HOST=localhost EOPS_SMTP_PORT=$EOPS_SMTP_PORT EOPS_SMTP_STARTTLS=false"
  print_footer
}

# probe_of NAME: how to tell that a process still answers: "tcp PORT" or "http PORT PATH".
probe_of() {
  case "$1" in
    mongodb) echo "mongo $EOPS_MONGO_PORT" ;;
    kafka) echo "tcp $EOPS_KAFKA_PORT" ;;
    dev-services) echo "http $EOPS_ISSUER_PORT /.well-known/openid-configuration" ;;
    *) echo "http $(service_port "$1") /actuator/health/liveness" ;;
  esac
}

# mongo_answers PORT: succeeds when a MongoDB-protocol server answers {ping: 1} with ok: 1.0 within 5 s. A server
# out of memory may still accept connections (the kernel does that) while refusing every command.
# Speaks the wire protocol from bash: one OP_MSG out, the reply read up to each NUL byte until "ok" and its value.
mongo_answers() {
  (
    LC_ALL=C
    exec 3<>"/dev/tcp/127.0.0.1/$1" || exit 1
    printf '\x33\x00\x00\x00\x01\x00\x00\x00\x00\x00\x00\x00\xdd\x07\x00\x00\x00\x00\x00\x00\x00\x1e\x00\x00\x00\x10ping\x00\x01\x00\x00\x00\x02$db\x00\x06\x00\x00\x00admin\x00\x00' >&3
    state=0 reads=0
    while [ "$reads" -lt 40 ]; do
      reads=$((reads + 1))
      IFS= read -r -t 5 -d '' chunk <&3 || exit 1
      if [ "$state" = 0 ]; then
        # The element "ok" of type double (0x01); its 8 bytes follow: six zero bytes, then f0 3f for 1.0.
        [ "$chunk" = $'\x01ok' ] && state=1
      elif [ -z "$chunk" ]; then
        state=$((state + 1))
      else
        [ "$state" = 7 ] && [ "$chunk" = $'\xf0?' ] && exit 0
        exit 1
      fi
    done
    exit 1
  ) 2>/dev/null
}

# answers NAME: succeeds when the process answers on its port (a MongoDB ping, a TCP connection, or HTTP 200
# within 5 s).
answers() {
  local kind port path
  read -r kind port path <<<"$(probe_of "$1")"
  case "$kind" in
    mongo) mongo_answers "$port" ;;
    tcp) port_open "$port" ;;
    *)
      http_get "$port" "$path"
      [ "$HTTP_STATUS" = 200 ]
      ;;
  esac
}

# A process that is alive but stopped answering (out of memory, deadlocked, its port closed) is reported
# loudly with the tail of its log, once when it stops and once when it answers again.
SILENT=()
check_all_answer() {
  local i name was
  for i in "${!PIDS[@]}"; do
    name=${NAMES[$i]}
    was=${SILENT[$i]:-0}
    if answers "$name"; then
      if [ "$was" -ge 2 ]; then
        printf '\nrun.sh: %s answers again.\n' "$name" >&2
      fi
      SILENT[$i]=0
      continue
    fi
    SILENT[$i]=$((was + 1))
    # Two checks in a row, so a busy moment (a full GC) is not reported as an outage.
    if [ "${SILENT[$i]}" -eq 2 ]; then
      printf '\n!!! run.sh: %s (pid %s) is running but does not answer (%s). Last lines of .local/logs/%s.log:\n' \
        "$name" "${PIDS[$i]}" "$(probe_of "$name")" "$name" >&2
      tail -n 25 "$LOG_DIR/$name.log" 2>/dev/null | sed 's/^/  | /' >&2 || true
      printf '!!! The suite is degraded until it answers again; Ctrl-C and ./run.sh restarts everything.\n\n' >&2
    fi
  done
}

# Stays in the foreground until a signal arrives or a process dies on its own.
supervise() {
  local tick=0
  while :; do
    check_all_alive
    # Every 6 s: cheap enough to leave on, quick enough to tell at once.
    if [ $((tick % 3)) -eq 0 ]; then check_all_answer; fi
    tick=$((tick + 1))
    # `wait` on a background sleep, not a plain sleep: bash runs a trap as soon as `wait` is interrupted.
    sleep 2 &
    TICK_PID=$!
    wait "$TICK_PID" 2>/dev/null || true
    TICK_PID=""
  done
}

# ---------------------------------------------------------------------------------------------------------------
# Commands

run_suite() {
  local scope=$1
  require_java
  build_if_needed "$scope"
  mkdir -p "$DATA_DIR" "$LOG_DIR"
  : >"$RUN_PIDS_FILE"
  trap on_signal INT TERM
  trap stop_all EXIT
  SECONDS=0
  start_infrastructure
  if [ "$scope" = all ]; then
    start_services
    print_summary
  else
    print_infra_summary
  fi
  supervise
}

token_command() {
  local user=${1:-}
  [ -n "$user" ] || die "Usage: ./run.sh token USER, e.g. ./run.sh token anna"
  case "$user" in
    *[!A-Za-z0-9._-]*) die "Unknown demo user '$user'." ;;
  esac
  http_get "$EOPS_ISSUER_PORT" "/token?user=$user"
  case "$HTTP_STATUS" in
    200) printf '%s\n' "$HTTP_BODY" ;;
    000) die "The token issuer does not answer at http://localhost:$EOPS_ISSUER_PORT. Start the suite first: ./run.sh" ;;
    *) die "${HTTP_BODY:-the token issuer answered $HTTP_STATUS}" ;;
  esac
}

clean_command() {
  if port_open "$EOPS_MONGO_PORT" || port_open "$EOPS_KAFKA_PORT" || port_open "$EOPS_ISSUER_PORT"; then
    die "The suite seems to be running (a port is in use); stop it before deleting its data."
  fi
  rm -rf "$DATA_DIR" "$KAFKA_DIR"
  say "Deleted .local/data and .local/kafka; the next start begins empty (with a new signing key)."
}

usage() {
  cat <<EOF
Usage: ./run.sh [command]

Commands:
  (none)       Build what is missing, start Kafka, MongoDB, mail, the token issuer and the five services,
               print where everything is, and stay in the foreground. Ctrl-C stops it all.
  infra        The same without the services (to run or debug a service from an IDE).
  token USER   Print a bearer token for a demo user (anna, erik, cecilia, rolf, rut, arvid, nils)
               from the running token issuer: curl -H "Authorization: Bearer \$(./run.sh token anna)" ...
  clean        Delete the local data in .local/data (MongoDB, Kafka, signing key). The suite must be stopped.
  help         This text.

Environment (defaults in brackets):
  EOPS_KAFKA_PORT [9092]  EOPS_KAFKA_CONTROLLER_PORT [9093]  EOPS_MONGO_PORT [27017]
  EOPS_SMTP_PORT [2525]  EOPS_IMAP_PORT [2143]  EOPS_MAIL_UI_PORT [8025]  EOPS_ISSUER_PORT [9000]
  REQUEST_SERVICE_PORT [8081]  PUBLICATION_SERVICE_PORT [8082]  PURGE_SERVICE_PORT [8083]
  PERMISSION_SERVICE_PORT [8084]  NOTIFICATION_SERVICE_PORT [8085]
  JAVA_OPTS      extra JVM options for the services
  JAVA_HOME      the JDK to use (else java on the PATH)
  REBUILD=1      build even if the jars look up to date;  SKIP_BUILD=1  never build
  READINESS_TIMEOUT_SECONDS [180]  how long the services may take to become ready

Logs go to .local/logs/<name>.log; data stays in .local/data across restarts.
Exit status: 0 after a stop you asked for, 1 when something failed or died.
EOF
}

case "${1:-}" in
  "" | start) run_suite all ;;
  infra) run_suite infra ;;
  token) token_command "${2:-}" ;;
  clean) clean_command ;;
  help | -h | --help) usage ;;
  *)
    usage >&2
    exit 2
    ;;
esac
