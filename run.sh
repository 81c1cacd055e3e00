#!/usr/bin/env bash
# The suite's main command: builds what is missing and runs everything on this machine with nothing but a JDK 17.
#
#   ./run.sh              build if needed, start the infrastructure, the five services and the web portal, stay in
#                         the foreground
#   ./run.sh infra        only the infrastructure (Kafka, MongoDB, mail, sign-in), e.g. to run a service in an IDE
#   ./run.sh token USER   print a bearer token for a demo user from the running sign-in (local-identity)
#   ./run.sh clean        delete the local data (MongoDB, Kafka, signing key) while nothing runs
#   ./run.sh bench        start the suite on fresh data, measure the core paths against same-run baselines, print a table
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
: "${EOPS_PORTAL_PORT:=8080}"
# The sign-in (local-identity, Spring Authorization Server): every demo user's password, and the portal's client.
: "${EOPS_DEMO_PASSWORD:=demo}"
: "${EOPS_PORTAL_CLIENT_SECRET:=portal-secret-local}"
: "${EOPS_PORTAL_BASE_URL:=http://localhost:$EOPS_PORTAL_PORT}"
# The local-stack processes read their ports from these.
export EOPS_MONGO_PORT EOPS_SMTP_PORT EOPS_IMAP_PORT EOPS_MAIL_UI_PORT EOPS_ISSUER_PORT
export EOPS_DEMO_PASSWORD EOPS_PORTAL_CLIENT_SECRET EOPS_PORTAL_BASE_URL

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
# The sign-in, a Boot app started like the services (but as infrastructure: before them, stopped after them).
LOCAL_IDENTITY_JAR="local-identity/target/local-identity.jar"
SERVICES=(request-service publication-service purge-service permission-service notification-service)
# The web portal (people's pages over the services' APIs), started after the services are ready.
PORTAL_JAR="web-portal/target/web-portal.jar"

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

# The port an app started by run.sh listens on: a service's, or the benchmark's trivial app's.
app_port() {
  case "$1" in
    trivial-app) echo "$BENCH_TRIVIAL_PORT" ;;
    local-identity) echo "$EOPS_ISSUER_PORT" ;;
    web-portal) echo "$EOPS_PORTAL_PORT" ;;
    *) service_port "$1" ;;
  esac
}

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

# pid_of NAME: the newest process of that name (the benchmark restarts Kafka, so a name may occur twice).
pid_of() {
  local i found=""
  for i in "${!NAMES[@]}"; do
    if [ "${NAMES[$i]}" = "$1" ]; then
      found=${PIDS[$i]}
    fi
  done
  [ -n "$found" ] || return 1
  echo "$found"
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
      newer=$(newer_source "$jar" pom.xml local-stack local-identity)
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
  local scope=$1 jars=("$LOCAL_STACK_JAR" "$LOCAL_IDENTITY_JAR") svc
  if [ "$scope" = all ]; then
    for svc in "${SERVICES[@]}"; do jars+=("$(service_jar "$svc")"); done
    jars+=("$PORTAL_JAR")
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
    say "Building local-stack and local-identity with ./mvnw -q -DskipTests -pl local-stack,local-identity -am install ..."
    ./mvnw -q -DskipTests -pl local-stack,local-identity -am install || die "The build failed; see the Maven output above."
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
  printf '\nrun.sh: %s stopped unexpectedly (exit status %s). Last lines of %s/%s.log:\n' \
    "$name" "$status" "${LOG_DIR#"$ROOT"/}" "$name" >&2
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
  say "Formatting Kafka's storage in ${DATA_DIR#"$ROOT"/}/kafka (first start only)..."
  cluster_id=$("$JAVA" "$log4j" -cp "$LOCAL_STACK_CLASSPATH" kafka.tools.StorageTool random-uuid | tail -n 1)
  "$JAVA" "$log4j" -cp "$LOCAL_STACK_CLASSPATH" kafka.tools.StorageTool format --standalone \
    -t "$cluster_id" -c "$KAFKA_DIR/server.properties" >"$LOG_DIR/kafka-format.log" 2>&1 ||
    die "Formatting Kafka's storage failed; see ${LOG_DIR#"$ROOT"/}/kafka-format.log"
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
  check_port_free "sign-in (local-identity)" "$EOPS_ISSUER_PORT" EOPS_ISSUER_PORT

  local log4j="-Dlog4j2.configurationFile=log4j2-local-stack.xml"
  # A small initial heap (-Xms): the JVM's default, 1/64 of the machine's memory, costs hundreds of MB of RSS.
  # -XX:+ExitOnOutOfMemoryError: a JVM out of memory dies (and run.sh reports it) instead of lingering with
  # its port closed or every call refused.
  local small_jvm=(-Xms32m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xss512k -XX:+ExitOnOutOfMemoryError)
  say "Starting the infrastructure (logs in ${LOG_DIR#"$ROOT"/})..."
  # 1 GB at most (it starts small): counting and sweeping a benchmark's documents ran 256 MB out of memory.
  start_process mongodb infra "$JAVA" -Xmx1g "${small_jvm[@]}" "$log4j" \
    -cp "$LOCAL_STACK_CLASSPATH" se.municipality.eops.localstack.MongoServerMain "$DATA_DIR"
  start_process dev-services infra "$JAVA" -Xmx128m "${small_jvm[@]}" "$log4j" \
    -cp "$LOCAL_STACK_CLASSPATH" se.municipality.eops.localstack.DevServicesMain

  write_kafka_config
  format_kafka_storage
  start_kafka

  start_identity

  wait_for_port mongodb "$EOPS_MONGO_PORT"
  wait_for_port dev-services "$EOPS_SMTP_PORT"
  wait_for_port dev-services "$EOPS_IMAP_PORT"
  wait_for_port dev-services "$EOPS_MAIL_UI_PORT"
  wait_for_port kafka "$EOPS_KAFKA_PORT"
  # The services read the issuer's discovery document when they start: it must answer before they do.
  wait_for_boot_ready local-identity "$EOPS_ISSUER_PORT" "$INFRA_STARTUP_SECONDS"
  say "  infrastructure ready after ${SECONDS}s"
}

# The sign-in (local-identity: Spring Authorization Server with the demo users), from its extracted layout with a
# class-data-sharing archive like the services; its signing key in .local/data/identity, so tokens survive restarts.
start_identity() {
  export EOPS_IDENTITY_KEY_FILE="$DATA_DIR/identity/signing-key.json"
  prepare_class_data_sharing "local-identity=$LOCAL_IDENTITY_JAR"
  start_boot_app local-identity "$LOCAL_IDENTITY_JAR" "$EOPS_ISSUER_PORT" infra
}

# wait_for_boot_ready NAME PORT SECONDS: waits until the Boot app NAME answers 200 on /actuator/health/readiness.
wait_for_boot_ready() {
  local name=$1 port=$2 pid deadline
  pid=$(pid_of "$name")
  deadline=$((SECONDS + $3))
  while :; do
    is_running "$pid" || report_death "$name" "$pid"
    http_get "$port" /actuator/health/readiness
    [ "$HTTP_STATUS" = 200 ] && break
    [ "$SECONDS" -lt "$deadline" ] ||
      die "$name is not ready after ${3}s (http://localhost:$port/actuator/health/readiness); see ${LOG_DIR#"$ROOT"/}/$name.log"
    sleep 0.5
  done
}

# Kafka alone, with its config written and its storage formatted (the benchmark restarts it after an outage).
start_kafka() {
  start_process kafka infra "$JAVA" -Xms64m -Xmx512m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:+ExitOnOutOfMemoryError \
    -Dlog4j2.configurationFile=log4j2-local-stack.xml -Djava.awt.headless=true \
    -cp "$LOCAL_STACK_CLASSPATH" kafka.Kafka "$KAFKA_DIR/server.properties"
}

# wait_for_port NAME PORT: waits until the process NAME listens on PORT; fails if it dies or takes too long.
wait_for_port() {
  local name=$1 port=$2 pid deadline
  pid=$(pid_of "$name")
  deadline=$((SECONDS + INFRA_STARTUP_SECONDS))
  until port_open "$port"; do
    is_running "$pid" || report_death "$name" "$pid"
    [ "$SECONDS" -lt "$deadline" ] ||
      die "$name is not listening on port $port after ${INFRA_STARTUP_SECONDS}s; see ${LOG_DIR#"$ROOT"/}/$name.log"
    sleep 0.2
  done
}

# ---------------------------------------------------------------------------------------------------------------
# Services

# What the services read to find the infrastructure (see each service's application.yml).
export_service_environment() {
  export EOPS_KAFKA_BOOTSTRAP="localhost:$EOPS_KAFKA_PORT"
  export EOPS_MONGODB_HOST="localhost"
  export EOPS_MONGODB_PORT="$EOPS_MONGO_PORT"
  export EOPS_ISSUER_URI="http://localhost:$EOPS_ISSUER_PORT"
  export EOPS_SMTP_HOST="localhost"
  export EOPS_SMTP_PORT
  # The local mail server speaks plain SMTP; everywhere else notification-service requires STARTTLS.
  export EOPS_SMTP_STARTTLS=false
  # Each service seeds its demo data (e-services, cases, grants; see the README) once, so every flow can be tried.
  export EOPS_DEMO_DATA="${EOPS_DEMO_DATA:-true}"
  # Mails link to the page of the web portal the recipient works on (notification-service's eops.frontend.base-url).
  export EOPS_FRONTEND_BASE_URL="${EOPS_FRONTEND_BASE_URL:-$EOPS_PORTAL_BASE_URL}"
}

# The JVM options of every Boot app run.sh starts (the benchmark's trivial app too, so both are compared on equal
# terms). Small, quickly started JVMs: five of them share a laptop with the infrastructure. -Xms32m: the heap
# starts small and grows when needed, instead of being resident at its maximum from the start (~60 MB less per
# service at idle). -XX:ArchiveRelocationMode=0: map the class-data-sharing archive at the address it was made for
# (JDK 17.0.15 relocates it to a random address by default, rewriting every pointer of a service's ~100 MB archive at
# each start: ~0.08 s of CPU measured alone, and every page of it private; the JVM still relocates when that address is
# taken).
# See docs/performance/starts-and-memory.md. Sets BOOT_JVM.
boot_jvm_options() {
  local java_opts=()
  if [ -n "${JAVA_OPTS:-}" ]; then
    read -r -a java_opts <<<"$JAVA_OPTS"
  fi
  BOOT_JVM=(-Xms32m -Xmx256m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xss512k -XX:+ExitOnOutOfMemoryError
    -XX:+UnlockDiagnosticVMOptions -XX:ArchiveRelocationMode=0
    ${java_opts[@]+"${java_opts[@]}"})
}

# Boot apps run from Spring Boot's extracted layout (the application jar beside lib/), which class-data sharing
# needs; it is extracted again whenever the app's jar was rebuilt.
extracted_jar() { echo "$(dirname "$1")/extracted/$(basename "$1")"; }
cds_archive() {
  local extracted
  extracted=$(extracted_jar "$1")
  echo "${extracted%.jar}.jsa"
}

# prepare_class_data_sharing NAME=JAR...: the class-data-sharing archive of each app: the classes it loads until
# it is ready (context, web server, Kafka bindings, MongoDB connections), parsed and verified once, mapped into
# memory at every later start (about a third less CPU to start, and less metaspace). Made by a training run of
# each app on its own port against the running infrastructure, stopped once ready, the first time after each
# build, all apps at once; an app whose training fails starts without an archive.
prepare_class_data_sharing() {
  local entry name jar extracted names=() jars=() pids=() ports=() i waited
  boot_jvm_options
  for entry in "$@"; do
    name=${entry%%=*}
    jar=${entry#*=}
    extracted=$(extracted_jar "$jar")
    if [ ! -f "$extracted" ] || [ "$jar" -nt "$extracted" ]; then
      rm -rf "$(dirname "$extracted")"
      "$JAVA" -Djarmode=tools -jar "$jar" extract --destination "$(dirname "$extracted")" \
        >"$LOG_DIR/$name-extract.log" 2>&1 || die "Extracting $jar failed; see $LOG_DIR/$name-extract.log"
      # The extracted jar keeps its entries' times; make it no older than the jar it came from.
      touch "$extracted"
    fi
    if [ ! -f "$(cds_archive "$jar")" ]; then
      names+=("$name")
      jars+=("$jar")
    fi
  done
  [ "${#names[@]}" -gt 0 ] || return 0
  say "Preparing class-data sharing for ${names[*]} (first start after a build only)..."
  for i in "${!names[@]}"; do
    ports[i]=$(app_port "${names[$i]}")
    # The archive is written when the JVM exits, after the SIGTERM below.
    "$JAVA" "${BOOT_JVM[@]}" -XX:ArchiveClassesAtExit="$(cds_archive "${jars[$i]}")" -Xlog:cds=off \
      -Xlog:cds+dynamic=off -jar "$(extracted_jar "${jars[$i]}")" --server.port="${ports[$i]}" \
      >"$LOG_DIR/${names[$i]}-cds.log" 2>&1 </dev/null &
    pids[i]=$!
  done
  for i in "${!pids[@]}"; do
    waited=0
    while kill -0 "${pids[$i]}" 2>/dev/null && [ "$waited" -lt $((SERVICE_READINESS_SECONDS * 2)) ]; do
      http_get "${ports[$i]}" /actuator/health/readiness
      [ "$HTTP_STATUS" = 200 ] && break
      sleep 0.5
      waited=$((waited + 1))
    done
    kill -TERM "${pids[$i]}" 2>/dev/null || true
  done
  for i in "${!pids[@]}"; do
    wait "${pids[$i]}" 2>/dev/null || true
    if [ ! -f "$(cds_archive "${jars[$i]}")" ]; then
      say "  ${names[$i]}: no class-data-sharing archive (see $LOG_DIR/${names[$i]}-cds.log); it starts without one"
    fi
  done
}

# start_boot_app NAME JAR PORT [KIND]: a Boot app with the common JVM options, from its extracted layout with its
# class-data-sharing archive when prepare_class_data_sharing made them, else from the jar itself. KIND (service
# unless given) decides when it is stopped: services first, then the infrastructure.
start_boot_app() {
  local jar=$2 kind=${4:-service} archive cds=()
  boot_jvm_options
  archive=$(cds_archive "$jar")
  if [ -f "$archive" ] && [ -f "$(extracted_jar "$jar")" ]; then
    cds=(-XX:SharedArchiveFile="$archive" -Xlog:cds=off -Xlog:cds+dynamic=off)
    jar=$(extracted_jar "$jar")
  fi
  start_process "$1" "$kind" "$JAVA" "${BOOT_JVM[@]}" ${cds[@]+"${cds[@]}"} -jar "$jar" --server.port="$3"
}

# NAME=JAR for each service, as prepare_class_data_sharing takes them.
service_jars() {
  local svc
  for svc in "${SERVICES[@]}"; do printf '%s=%s\n' "$svc" "$(service_jar "$svc")"; done
}

start_services() {
  local svc
  export_service_environment
  for svc in "${SERVICES[@]}"; do
    check_port_free "$svc" "$(service_port "$svc")" "$(printf '%s' "$svc" | tr 'a-z-' 'A-Z_')_PORT"
  done
  # shellcheck disable=SC2046 # one NAME=JAR word per service; paths have no spaces
  prepare_class_data_sharing $(service_jars)
  say "Starting the services..."
  for svc in "${SERVICES[@]}"; do
    start_boot_app "$svc" "$(service_jar "$svc")" "$(service_port "$svc")"
  done
  wait_for_readiness
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

# The web portal: a Boot app like the services (extracted layout, class-data sharing), after them, since it calls
# them; it reads the sign-in's discovery document at start. No Kafka, no MongoDB.
start_portal() {
  check_port_free "web portal" "$EOPS_PORTAL_PORT" EOPS_PORTAL_PORT
  export EOPS_PORTAL_PORT
  export EOPS_REQUEST_SERVICE_URL="http://localhost:$REQUEST_SERVICE_PORT"
  export EOPS_PUBLICATION_SERVICE_URL="http://localhost:$PUBLICATION_SERVICE_PORT"
  export EOPS_PURGE_SERVICE_URL="http://localhost:$PURGE_SERVICE_PORT"
  export EOPS_PERMISSION_SERVICE_URL="http://localhost:$PERMISSION_SERVICE_PORT"
  export EOPS_NOTIFICATION_SERVICE_URL="http://localhost:$NOTIFICATION_SERVICE_PORT"
  local started=$SECONDS
  prepare_class_data_sharing "web-portal=$PORTAL_JAR"
  say "Starting the web portal..."
  start_boot_app web-portal "$PORTAL_JAR" "$EOPS_PORTAL_PORT"
  wait_for_boot_ready web-portal "$EOPS_PORTAL_PORT" "$SERVICE_READINESS_SECONDS"
  say "  web-portal ready after $((SECONDS - started))s"
}

# ---------------------------------------------------------------------------------------------------------------
# What runs where

print_infrastructure() {
  say ""
  say "  Infrastructure"
  printf '    %-18s %s\n' \
    "Kafka" "localhost:$EOPS_KAFKA_PORT" \
    "MongoDB" "mongodb://localhost:$EOPS_MONGO_PORT" \
    "SMTP" "localhost:$EOPS_SMTP_PORT (no authentication; any recipient gets a mailbox)" \
    "IMAP" "localhost:$EOPS_IMAP_PORT (user and password: the recipient's e-mail address)" \
    "Mail viewer" "http://localhost:$EOPS_MAIL_UI_PORT/" \
    "Sign-in (issuer)" "http://localhost:$EOPS_ISSUER_PORT (/.well-known/openid-configuration); every demo user's password: $EOPS_DEMO_PASSWORD"
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

print_portal() {
  say ""
  say "  Web portal"
  say "    $EOPS_PORTAL_BASE_URL/  sign in as a demo user below with the password $EOPS_DEMO_PASSWORD (Swedish; English: ?lang=en)"
  say "    anna, erik: file requests; cecilia: central team; rolf, rut: reviews; arvid, astrid: purges; nils: handler search"
}

print_users() {
  say ""
  say "  Demo users (password: $EOPS_DEMO_PASSWORD; a token for curl: ./run.sh token USER)"
  http_get "$EOPS_ISSUER_PORT" "/users?format=text"
  if [ "$HTTP_STATUS" = 200 ]; then
    printf '%s\n' "$HTTP_BODY" | sed '/^$/d; s/^/    /'
  else
    say "    (cannot list them: the sign-in answered $HTTP_STATUS)"
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
  say "The web portal is ready at $EOPS_PORTAL_BASE_URL/ (demo users, password: $EOPS_DEMO_PASSWORD)."
  print_infrastructure
  print_services
  print_portal
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
    dev-services) echo "http $EOPS_MAIL_UI_PORT /" ;;
    local-identity) echo "http $EOPS_ISSUER_PORT /actuator/health/liveness" ;;
    web-portal) echo "http $EOPS_PORTAL_PORT /actuator/health/liveness" ;;
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
# Benchmark (./run.sh bench): starts the suite as above, on its own data in .local/bench, measures, prints one table.

BENCH_DRIVER_CLASSPATH="benchmarks/driver/target/bench-driver-$VERSION.jar:benchmarks/driver/target/lib/*"
BENCH_KAFKA_TOOLS_CLASSPATH="benchmarks/kafka-tools/target/lib/*"
BENCH_TRIVIAL_JAR="benchmarks/trivial-app/target/bench-trivial-app.jar"

# seconds_of 90s|2m|90: a duration in whole seconds.
seconds_of() {
  case "$1" in
    *m) echo $((${1%m} * 60)) ;;
    *s) echo "${1%s}" ;;
    *[!0-9]* | '') die "Cannot read the duration '$1' (write e.g. 60s or 2m)." ;;
    *) echo "$1" ;;
  esac
}

# Milliseconds since the epoch; bash 5 has EPOCHREALTIME, else GNU date, else whole seconds.
now_ms() {
  if [ -n "${EPOCHREALTIME:-}" ]; then
    local t=${EPOCHREALTIME/,/.}
    echo $((${t%.*} * 1000 + 10#$(printf '%s' "${t#*.}000" | cut -c1-3)))
  else
    local t
    t=$(date +%s%N 2>/dev/null)
    case "$t" in
      *N) echo $(($(date +%s) * 1000)) ;;
      *) echo $((t / 1000000)) ;;
    esac
  fi
}

bench_record() { printf '%s=%s\n' "$1" "$2" >>"$BENCH_RESULTS"; }

# rss_mb PID: resident memory in MB (one decimal).
rss_mb() {
  local kb
  kb=$(ps -o rss= -p "$1" 2>/dev/null | tr -d ' ' || true)
  [ -n "$kb" ] || return 1
  awk -v kb="$kb" 'BEGIN { printf "%.1f", kb / 1024 }'
}

# bench_start_app NAME JAR PORT: starts a Boot app alone and records the seconds from launch to readiness.
bench_start_app() {
  local name=$1 jar=$2 port=$3 started pid deadline elapsed
  started=$(now_ms)
  start_boot_app "$name" "$jar" "$port"
  pid=$(pid_of "$name")
  deadline=$((SECONDS + SERVICE_READINESS_SECONDS))
  while :; do
    is_running "$pid" || report_death "$name" "$pid"
    http_get "$port" /actuator/health/readiness
    [ "$HTTP_STATUS" = 200 ] && break
    [ "$SECONDS" -lt "$deadline" ] || die "$name is not ready after ${SERVICE_READINESS_SECONDS}s; see $LOG_DIR/$name.log"
    sleep 0.1
  done
  elapsed=$(($(now_ms) - started))
  say "  $name ready after ${elapsed} ms"
  bench_record "start.$name.seconds" "$(awk -v ms="$elapsed" 'BEGIN { printf "%.2f", ms / 1000 }')"
}

# bench_step STEP ARGS...: one measuring step of the driver; a failed step leaves its figures "not measured".
bench_step() {
  say ""
  say "== $1 $(date +%H:%M:%S)"
  # Gatling's own JVM options (as its Maven plugin sets them): it reads JDK internals for speed.
  "$JAVA" -Xmx1g -XX:+UseG1GC -XX:+ParallelRefProcEnabled --add-opens=java.base/java.lang=ALL-UNNAMED \
    --add-opens=java.base/java.nio=ALL-UNNAMED --add-opens=java.base/jdk.internal.misc=ALL-UNNAMED \
    -Dlogback.configurationFile=bench-logback.xml -cp "$BENCH_DRIVER_CLASSPATH" \
    se.municipality.eops.benchmarks.Bench "$@" || say "bench: the step '$1' failed (exit $?); its figures stay out of the table"
}

# bench_mongo_commands SERVICE: the MongoDB commands the service sent so far, per collection and command, with their
# mean time (the driver's timer in /actuator/prometheus); the whole scrape stays in the run's folder.
bench_mongo_commands() {
  local svc=$1 file="$BENCH_WORK_DIR/$1.prometheus.txt"
  http_get "$(service_port "$svc")" /actuator/prometheus
  printf '%s\n' "$HTTP_BODY" >"$file"
  say ""
  say "== MongoDB commands of $svc so far (count, mean ms per round trip)"
  awk '/^mongodb_driver_commands_seconds_(count|sum)\{/ {
         match($0, /collection="[^"]*"/); c = substr($0, RSTART + 12, RLENGTH - 13)
         match($0, /command="[^"]*"/); k = c " " substr($0, RSTART + 9, RLENGTH - 10)
         if ($0 ~ /_count\{/) n[k] += $NF; else t[k] += $NF
       }
       END { for (k in n) printf "  %-45s %8d  %7.1f ms\n", k, n[k], n[k] ? 1000 * t[k] / n[k] : 0 }' "$file" | sort -k3 -nr
}

bench_build() {
  local jars=("$LOCAL_STACK_JAR" "$LOCAL_IDENTITY_JAR" "$BENCH_TRIVIAL_JAR" "benchmarks/driver/target/bench-driver-$VERSION.jar") svc
  for svc in "${SERVICES[@]}"; do jars+=("$(service_jar "$svc")"); done
  [ "${SKIP_BUILD:-0}" != 1 ] || return 0
  if [ "${REBUILD:-0}" = 1 ] || [ ! -d benchmarks/kafka-tools/target/lib ] || needs_build all "${jars[@]}"; then
    # package, not install: the benchmark runs from target/, and nothing of it belongs in ~/.m2.
    say "Building the suite and the benchmarks with ./mvnw -q -Pbench -DskipTests package ..."
    ./mvnw -q -Pbench -DskipTests package || die "The build failed; see the Maven output above."
  fi
}

# bench_wants GROUP: whether BENCH_STEPS (a comma-separated list of starts, mail, sse, intake, outbox; default all of
# them) names that group of steps. The services are started (and their starts timed) whatever it says; Kafka's own
# tools run always, as they are the baselines of several rows.
bench_wants() {
  case ",${BENCH_STEPS:-starts,mail,sse,intake,outbox}," in
    *",$1,"*) return 0 ;;
    *) return 1 ;;
  esac
}

bench_command() {
  require_java
  local step steps=${BENCH_STEPS:-}
  for step in ${steps//,/ }; do
    case "$step" in
      starts | mail | sse | intake | outbox) ;;
      *) die "BENCH_STEPS names '$step'; the groups are starts, mail, sse, intake, outbox." ;;
    esac
  done
  local quick=${BENCH_QUICK:-0} warmup duration sustain outage mails drain_limit latency_warmup stamp svc pid
  if [ "$quick" = 1 ]; then
    warmup=$(seconds_of "${BENCH_WARMUP:-10s}")
    duration=$(seconds_of "${BENCH_DURATION:-15s}")
    sustain=$(seconds_of "${BENCH_SUSTAIN:-20s}")
    outage=$(seconds_of "${BENCH_OUTAGE:-15s}")
    mails=${BENCH_MAILS:-200}
    drain_limit=$(seconds_of "${BENCH_DRAIN_LIMIT:-60s}")
  else
    warmup=$(seconds_of "${BENCH_WARMUP:-60s}")
    duration=$(seconds_of "${BENCH_DURATION:-120s}")
    sustain=$(seconds_of "${BENCH_SUSTAIN:-300s}")
    outage=$(seconds_of "${BENCH_OUTAGE:-60s}")
    mails=${BENCH_MAILS:-1000}
    drain_limit=$(seconds_of "${BENCH_DRAIN_LIMIT:-180s}")
  fi
  latency_warmup=$((warmup < 20 ? warmup : 20))
  : "${BENCH_TRIVIAL_PORT:=8089}"
  check_port_free "the benchmark's trivial app" "$BENCH_TRIVIAL_PORT" BENCH_TRIVIAL_PORT

  bench_build
  # Its own data, deleted at every start: a run must not inherit the documents of the last one.
  local bench_dir="$LOCAL_DIR/bench"
  stamp=$(date +%Y-%m-%d-%H%M%S)
  DATA_DIR="$bench_dir/data"
  KAFKA_DIR="$bench_dir/kafka"
  LOG_DIR="$bench_dir/logs"
  RUN_PIDS_FILE="$bench_dir/run.pids"
  export EOPS_DATA_DIR="$DATA_DIR"
  if port_open "$EOPS_MONGO_PORT" || port_open "$EOPS_KAFKA_PORT"; then
    die "The suite seems to be running (a port is in use); stop it first: the benchmark starts its own."
  fi
  rm -rf "$DATA_DIR" "$KAFKA_DIR"
  export BENCH_WORK_DIR="$bench_dir/run-$stamp"
  export BENCH_RESULTS="$BENCH_WORK_DIR/results.properties"
  export BENCH_TRIVIAL_PORT EOPS_KAFKA_PORT REQUEST_SERVICE_PORT
  # The SSE fan-out step opens 100 streams as one user; a person may hold 10 by default.
  export EOPS_LIVE_MAX_STREAMS_PER_USER=200
  mkdir -p "$DATA_DIR" "$LOG_DIR" "$BENCH_WORK_DIR"
  : >"$RUN_PIDS_FILE"
  trap on_signal INT TERM
  trap stop_all EXIT
  SECONDS=0

  bench_record run.date "$(date '+%Y-%m-%d %H:%M %Z')"
  bench_record machine.name "$(uname -sm)"
  bench_record machine.cores "$(getconf _NPROCESSORS_ONLN 2>/dev/null || sysctl -n hw.ncpu 2>/dev/null || echo '?')"
  bench_record machine.java "$("$JAVA" -version 2>&1 | head -n 1 | sed 's/"//g')"
  bench_record backend "mongo-java-server H2 file backend (run.sh's local MongoDB-protocol server)"
  bench_record durations "warm-up ${warmup}s, measured ${duration}s, sustained intake ${sustain}s, outage ${outage}s$([ "$quick" = 1 ] && printf ' (BENCH_QUICK)')$([ -n "${BENCH_STEPS:-}" ] && printf ', steps %s' "$BENCH_STEPS")"
  say "Benchmark run $stamp: results in ${BENCH_WORK_DIR#"$ROOT"/}, logs in ${LOG_DIR#"$ROOT"/}"

  start_infrastructure
  export_service_environment
  # Started the way ./run.sh starts the services: extracted, with a class-data-sharing archive each.
  # shellcheck disable=SC2046 # one NAME=JAR word per app; paths have no spaces
  prepare_class_data_sharing "trivial-app=$BENCH_TRIVIAL_JAR" $(service_jars)
  say "Starting the trivial app and each service alone, timing launch to readiness..."
  bench_start_app trivial-app "$BENCH_TRIVIAL_JAR" "$BENCH_TRIVIAL_PORT"
  for svc in "${SERVICES[@]}"; do
    bench_start_app "$svc" "$(service_jar "$svc")" "$(service_port "$svc")"
  done
  if bench_wants starts; then
    say "Letting them idle for 15s, then reading their resident memory..."
    sleep 15
    for svc in trivial-app "${SERVICES[@]}"; do
      bench_record "rss.$svc.mb" "$(rss_mb "$(pid_of "$svc")")"
    done
  fi

  say ""
  say "== Kafka's own tools on the same broker $(date +%H:%M:%S)"
  local records=$((quick == 1 ? 50000 : 200000)) e2e_count=$((quick == 1 ? 500 : 2000))
  "$JAVA" -Xmx512m -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$BENCH_KAFKA_TOOLS_CLASSPATH" \
    org.apache.kafka.tools.ProducerPerformance \
    --topic bench.producer-performance --num-records "$records" --record-size 1000 --throughput -1 \
    --producer-props "bootstrap.servers=localhost:$EOPS_KAFKA_PORT" acks=all enable.idempotence=true \
    >"$BENCH_WORK_DIR/producer-performance.txt" 2>&1 || say "bench: ProducerPerformance failed"
  grep 'th\.$' "$BENCH_WORK_DIR/producer-performance.txt" || true
  "$JAVA" -Xmx512m -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$BENCH_KAFKA_TOOLS_CLASSPATH" \
    org.apache.kafka.tools.EndToEndLatency \
    "localhost:$EOPS_KAFKA_PORT" bench.end-to-end-latency "$e2e_count" all 1000 \
    >"$BENCH_WORK_DIR/end-to-end-latency.txt" 2>&1 || say "bench: EndToEndLatency failed"
  grep -E 'Avg latency|Percentiles' "$BENCH_WORK_DIR/end-to-end-latency.txt" || true
  bench_step kafka-tools "$BENCH_WORK_DIR/producer-performance.txt" "$BENCH_WORK_DIR/end-to-end-latency.txt"

  # Mail first, while nothing else is queued for the mail server; the max-rate steps (which leave thousands of
  # receipts queued) come last.
  if bench_wants mail; then
    bench_step mail-burst "$mails" "$((drain_limit > 300 ? drain_limit : 300))"
    bench_step latency 20 "$latency_warmup" "$duration" "$((drain_limit / 2))"
    bench_mongo_commands notification-service
  fi
  bench_wants sse && bench_step sse-fanout 100 "$((quick == 1 ? 10 : 30))" 30
  if bench_wants intake; then
    bench_step raw-insert "$((warmup / 2))" "$duration"
    bench_step noop "$warmup" "$duration"
    bench_step intake "$warmup" "$sustain"
  fi

  if bench_wants outbox; then
    say ""
    say "== Kafka outage of ${outage}s $(date +%H:%M:%S)"
    pid=$(pid_of kafka)
    kill -TERM "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    say "  Kafka stopped; filing requests at the maximum rate for ${outage}s"
    bench_step outage-load "$outage"
    start_kafka
    wait_for_port kafka "$EOPS_KAFKA_PORT"
    say "  Kafka is back; waiting up to ${drain_limit}s for the outbox to drain"
    bench_step drain "$drain_limit"
  fi

  bench_step mongo-alive
  bench_record rss.mongodb.mb "$(rss_mb "$(pid_of mongodb)" || echo '')"
  "$JAVA" -cp "$BENCH_DRIVER_CLASSPATH" se.municipality.eops.benchmarks.Bench report "$BENCH_RESULTS" \
    "$bench_dir/results-$stamp.md" "${BENCH_WORK_DIR#"$ROOT"/}/gatling"
  say ""
  say "Benchmark done after ${SECONDS}s; stopping the suite."
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
    start_portal
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
    000) die "The sign-in (local-identity) does not answer at http://localhost:$EOPS_ISSUER_PORT. Start the suite first: ./run.sh" ;;
    *) die "${HTTP_BODY:-the sign-in answered $HTTP_STATUS}" ;;
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
  (none)       Build what is missing, start Kafka, MongoDB, mail, the sign-in, the five services and the web
               portal (http://localhost:EOPS_PORTAL_PORT), print where everything is, and stay in the foreground.
               Ctrl-C stops it all.
  infra        The same without the services (to run or debug a service from an IDE).
  token USER   Print a bearer token for a demo user (anna, erik, cecilia, rolf, rut, arvid, astrid, nils)
               from the running sign-in: curl -H "Authorization: Bearer \$(./run.sh token anna)" ...
  clean        Delete the local data in .local/data (MongoDB, Kafka, signing key). The suite must be stopped.
  bench        Build what is missing (with -Pbench), start the suite on fresh data in .local/bench, warm up,
               measure and print one table (each figure, its same-run baseline, ratio, target, met); also written
               as Markdown to .local/bench/results-<date>.md. Takes ~20 minutes; BENCH_QUICK=1 about 7.
               The suite must not be running. Ctrl-C stops everything it started.
  help         This text.

Environment (defaults in brackets):
  EOPS_KAFKA_PORT [9092]  EOPS_KAFKA_CONTROLLER_PORT [9093]  EOPS_MONGO_PORT [27017]
  EOPS_SMTP_PORT [2525]  EOPS_IMAP_PORT [2143]  EOPS_MAIL_UI_PORT [8025]  EOPS_ISSUER_PORT [9000]
  REQUEST_SERVICE_PORT [8081]  PUBLICATION_SERVICE_PORT [8082]  PURGE_SERVICE_PORT [8083]
  PERMISSION_SERVICE_PORT [8084]  NOTIFICATION_SERVICE_PORT [8085]  EOPS_PORTAL_PORT [8080]
  EOPS_DEMO_PASSWORD [demo]  every demo user's password at the sign-in (http://localhost:EOPS_ISSUER_PORT/login)
  EOPS_PORTAL_CLIENT_SECRET [portal-secret-local]  EOPS_PORTAL_BASE_URL [http://localhost:EOPS_PORTAL_PORT]
  JAVA_OPTS      extra JVM options for the services
  JAVA_HOME      the JDK to use (else java on the PATH)
  REBUILD=1      build even if the jars look up to date;  SKIP_BUILD=1  never build
  READINESS_TIMEOUT_SECONDS [180]  how long the services may take to become ready
  For bench: BENCH_QUICK=1 (short durations), BENCH_WARMUP [60s], BENCH_DURATION [120s] (each measured step),
  BENCH_SUSTAIN [300s] (max-rate intake), BENCH_OUTAGE [60s] (Kafka down), BENCH_DRAIN_LIMIT [180s],
  BENCH_MAILS [1000] (receipt burst), BENCH_TRIVIAL_PORT [8089],
  BENCH_STEPS [starts,mail,sse,intake,outbox] (which steps; e.g. BENCH_STEPS=mail for the mail rows only)

Logs go to .local/logs/<name>.log; data stays in .local/data across restarts.
Exit status: 0 after a stop you asked for, 1 when something failed or died.
EOF
}

case "${1:-}" in
  "" | start) run_suite all ;;
  infra) run_suite infra ;;
  bench) bench_command ;;
  token) token_command "${2:-}" ;;
  clean) clean_command ;;
  help | -h | --help) usage ;;
  *)
    usage >&2
    exit 2
    ;;
esac
