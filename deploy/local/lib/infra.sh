# shellcheck shell=bash
# Infrastructure of the local stack: PostgreSQL, Redis and NATS (reused when already running,
# otherwise installed from Debian and started), then Kafka, the Temporal dev server, the Stripe stub
# and the demo upstream, which always run from this repository's jars.

PG_PORT="${FLOWGATE_PG_PORT:-5432}"
REDIS_PORT="${FLOWGATE_REDIS_PORT:-6379}"
NATS_PORT="${FLOWGATE_NATS_PORT:-4222}"
NATS_MONITOR_PORT="${FLOWGATE_NATS_MONITOR_PORT:-8222}"
KAFKA_PORT="${FLOWGATE_KAFKA_PORT:-9092}"
KAFKA_CONTROLLER_PORT="${FLOWGATE_KAFKA_CONTROLLER_PORT:-19093}"
TEMPORAL_PORT="${FLOWGATE_TEMPORAL_PORT:-7233}"
STRIPE_STUB_PORT="${FLOWGATE_STRIPE_STUB_PORT:-12111}"
ECHO_PORT="${FLOWGATE_ECHO_PORT:-9100}"

KAFKA_TOPICS=(api.calls audit.logs workflow.events third-party.interactions)
KAFKA_LIB_SRC="$DEPLOY_DIR/kafka-broker/target/kafka-lib"
STACK_TOOLS_JAR="$DEPLOY_DIR/stack-tools/target/stack-tools.jar"
STACK_TOOLS_LIB="$DEPLOY_DIR/stack-tools/target/lib"

# ---------------------------------------------------------------------------------------------
# PostgreSQL

pg_ready() {
  pg_isready -q -h 127.0.0.1 -p "$PG_PORT" 2>/dev/null
}

pg_psql() {
  psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -v ON_ERROR_STOP=1 -qAt "$@"
}

# A freshly installed Debian cluster wants passwords over TCP; the local stack connects as
# `flowgate` with no password, like the machines this was written on.
pg_trust_loopback() {
  local hba="/etc/postgresql/$1/$2/pg_hba.conf"
  grep -q '^host all all 127.0.0.1/32 trust' "$hba" && return 0
  info "PostgreSQL: allowing passwordless connections from 127.0.0.1 (local development only)"
  run_as_root sed -i '1i host all all 127.0.0.1/32 trust' "$hba"
}

ensure_postgres() {
  if pg_ready; then
    if running_pid postgresql >/dev/null; then
      info "PostgreSQL: already running (started by up)"
    else
      info "PostgreSQL: reusing the server on 127.0.0.1:$PG_PORT"
    fi
  else
    local installed_now=0 version cluster
    if ! command -v pg_ctlcluster >/dev/null; then
      apt_install postgresql
      installed_now=1
    fi
    read -r version cluster < <(pg_lsclusters -h 2>/dev/null | awk -v port="$PG_PORT" '$3 == port {print $1, $2; exit}') || true
    [[ -n "${version:-}" ]] || die "PostgreSQL is installed but has no cluster on port $PG_PORT (see pg_lsclusters); create one with: pg_createcluster --port $PG_PORT 15 main"
    ((installed_now)) && pg_trust_loopback "$version" "$cluster"
    info "PostgreSQL: starting cluster $version/$cluster"
    run_as_root pg_ctlcluster --skip-systemctl-redirect "$version" "$cluster" start >>"$(log_file postgresql)" 2>&1 ||
      {
        tail_log "$(log_file postgresql)"
        die "PostgreSQL $version/$cluster failed to start; see $(rel "$(log_file postgresql)") and /var/log/postgresql/postgresql-$version-$cluster.log"
      }
    printf '%s %s\n' "$version" "$cluster" >"$PID_DIR/postgresql.cluster"
    head -n1 "/var/lib/postgresql/$version/$cluster/postmaster.pid" >"$(pid_file postgresql)"
    wait_until postgresql 30 "$(log_file postgresql)" pg_ready
  fi
  ensure_databases
}

stop_postgres() {
  local version cluster
  running_pid postgresql >/dev/null || {
    rm -f "$(pid_file postgresql)" "$PID_DIR/postgresql.cluster"
    return 0
  }
  read -r version cluster <"$PID_DIR/postgresql.cluster"
  info "stopping PostgreSQL $version/$cluster"
  run_as_root pg_ctlcluster --skip-systemctl-redirect "$version" "$cluster" stop >>"$(log_file postgresql)" 2>&1 ||
    stop_component postgresql 30
  rm -f "$(pid_file postgresql)" "$PID_DIR/postgresql.cluster"
}

ensure_databases() {
  pg_psql -c 'select 1' >/dev/null 2>&1 ||
    die "cannot connect to PostgreSQL as postgres on 127.0.0.1:$PG_PORT without a password; allow it in pg_hba.conf (host all all 127.0.0.1/32 trust) for local development"
  if [[ "$(pg_psql -c "select 1 from pg_roles where rolname = 'flowgate'")" != 1 ]]; then
    info "PostgreSQL: creating role flowgate"
    pg_psql -c 'create role flowgate login'
  fi
  local db
  for db in flowgate flowgate_test; do
    if [[ "$(pg_psql -c "select 1 from pg_database where datname = '$db'")" != 1 ]]; then
      info "PostgreSQL: creating database $db"
      pg_psql -c "create database $db owner flowgate"
    fi
  done
}

# Tests start from empty databases so that nothing a previous run (or a migration still being
# written) left behind decides whether they pass.
# Usage: recreate_database NAME; NAME must be a plain lower-case identifier.
recreate_database() {
  local db="$1"
  [[ "$db" =~ ^[a-z_][a-z0-9_]*$ ]] || die "database name must be a plain lower-case name, not '$db'"
  info "PostgreSQL: recreating database $db"
  pg_psql -c "drop database if exists $db with (force)" >/dev/null
  pg_psql -c "create database $db owner flowgate" >/dev/null
}

# FLOWGATE_TEST_DB names another database, e.g. to run a second suite beside a developer's.
recreate_test_database() {
  local db="${FLOWGATE_TEST_DB:-flowgate_test}"
  recreate_database "$db"
  export FLOWGATE_TEST_DB_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/$db"
}

# ---------------------------------------------------------------------------------------------
# Redis

redis_ready() {
  local reply
  reply="$(timeout 2 bash -c "exec 3<>/dev/tcp/127.0.0.1/$REDIS_PORT; printf 'PING\r\n' >&3; head -c 5 <&3" 2>/dev/null || true)"
  [[ "$reply" == "+PONG" ]]
}

ensure_redis() {
  if redis_ready; then
    if running_pid redis >/dev/null; then
      info "Redis: already running (started by up)"
    else
      info "Redis: reusing the server on 127.0.0.1:$REDIS_PORT"
    fi
    return 0
  fi
  require_free_port Redis "$REDIS_PORT"
  command -v redis-server >/dev/null || apt_install redis-server
  info "Redis: starting on 127.0.0.1:$REDIS_PORT"
  # --daemonize with --pidfile: Redis itself records its pid where down looks for it
  redis-server --bind 127.0.0.1 --port "$REDIS_PORT" --save '' --appendonly no --daemonize yes \
    --pidfile "$(pid_file redis)" --logfile "$(log_file redis)" ||
    die "Redis failed to start; see $(rel "$(log_file redis)")"
  wait_until redis 20 "$(log_file redis)" redis_ready
}

# ---------------------------------------------------------------------------------------------
# NATS with JetStream

nats_info() {
  timeout 2 bash -c "exec 3<>/dev/tcp/127.0.0.1/$NATS_PORT; head -n1 <&3" 2>/dev/null || true
}

nats_ready() {
  [[ "$(nats_info)" == *'"jetstream":true'* ]]
}

ensure_nats() {
  if port_open 127.0.0.1 "$NATS_PORT"; then
    nats_ready || die "a NATS server on 127.0.0.1:$NATS_PORT runs without JetStream; restart it with -js (the workflow triggers need it)"
    if running_pid nats >/dev/null; then
      info "NATS: already running (started by up)"
    else
      info "NATS: reusing the JetStream server on 127.0.0.1:$NATS_PORT"
    fi
    return 0
  fi
  command -v nats-server >/dev/null || apt_install nats-server
  mkdir -p "$STATE_DIR/nats-data"
  info "NATS: starting with JetStream on 127.0.0.1:$NATS_PORT"
  start_background nats "$(log_file nats)" nats-server -a 127.0.0.1 -p "$NATS_PORT" -js \
    -sd "$STATE_DIR/nats-data" -m "$NATS_MONITOR_PORT"
  wait_until nats 20 "$(log_file nats)" nats_ready
}

# ---------------------------------------------------------------------------------------------
# Java components run from copies in .flowgate/run, so rebuilding the repository (`./mvnw verify`
# rewrites target/*.jar) never pulls classes from under a running process.

stage_files() {
  local dest="$1"
  shift
  rm -rf "$dest"
  mkdir -p "$dest"
  cp -r "$@" "$dest/"
}

JVM_FLAGS=(--sun-misc-unsafe-memory-access=allow --enable-native-access=ALL-UNNAMED)

# Common shape of every component this file starts: reuse ours, refuse a foreign port holder.
# With REUSE_OTHER_CHECKOUT=1 the same component started from another checkout is reused too (the
# infrastructure is shared; runtimes must come from this checkout's code).
# Returns 1 when the component is already running.
prepare_start() {
  local name="$1" port="$2" reuse_other_checkout="${3:-0}" pid
  if pid="$(running_pid "$name")"; then
    wait_until "$name" 60 "$(log_file "$name")" port_open 127.0.0.1 "$port"
    info "$name: already running (pid $pid, port $port)"
    return 1
  fi
  rm -f "$(pid_file "$name")"
  if ((reuse_other_checkout)) && port_open 127.0.0.1 "$port" && held_by_other_checkout "$name" "$port"; then
    info "$name: reusing the one another checkout started (pid $(port_holder_pid "$port"), port $port); its own down stops it"
    return 1
  fi
  require_free_port "$name" "$port"
  return 0
}

# ---------------------------------------------------------------------------------------------
# Kafka (KRaft, broker and controller in one JVM)

kafka_tool() {
  # a broker reused from another checkout leaves this checkout without a staged classpath
  if [[ ! -d "$RUN_DIR/kafka-lib" ]]; then
    [[ -d "$KAFKA_LIB_SRC" ]] || die "Kafka classpath missing at $(rel "$KAFKA_LIB_SRC"); run ./mvnw -B -pl deploy/local/kafka-broker -am package"
    stage_files "$RUN_DIR/kafka-lib" "$KAFKA_LIB_SRC"/.
  fi
  local classpath="$RUN_DIR/kafka-lib/*"
  if [[ "${1:-}" == -cp ]]; then
    classpath="$2"
    shift 2
  fi
  "$JAVA" -Xmx128m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 "${JVM_FLAGS[@]}" \
    -Dlog4j2.configurationFile="$DEPLOY_DIR/kafka/tools-log4j2.xml" \
    -cp "$classpath" "$@"
}

# The log is appended to across restarts: only lines written after OFFSET count.
kafka_started_since() {
  local offset="$1" log size
  log="$(log_file kafka)"
  port_open 127.0.0.1 "$KAFKA_PORT" && [[ -f "$log" ]] || return 1
  size="$(stat -c %s "$log")"
  # a rollover during start-up starts a fresh file
  ((size >= offset)) || offset=0
  tail -c +"$((offset + 1))" "$log" | grep -q 'Kafka Server started'
}

start_kafka() {
  prepare_start kafka "$KAFKA_PORT" 1 || return 0
  require_free_port "kafka controller" "$KAFKA_CONTROLLER_PORT"
  [[ -d "$KAFKA_LIB_SRC" ]] || die "Kafka classpath missing at $(rel "$KAFKA_LIB_SRC"); run ./mvnw -B -pl deploy/local/kafka-broker -am package"
  local conf_dir="$STATE_DIR/kafka" data_dir="$STATE_DIR/kafka-data" log offset cluster_id
  log="$(log_file kafka)"
  mkdir -p "$conf_dir" "$data_dir"
  stage_files "$RUN_DIR/kafka-lib" "$KAFKA_LIB_SRC"/.
  sed -e "s|@KAFKA_PORT@|$KAFKA_PORT|g" -e "s|@CONTROLLER_PORT@|$KAFKA_CONTROLLER_PORT|g" \
    -e "s|@DATA_DIR@|$data_dir|g" "$DEPLOY_DIR/kafka/server.properties" >"$conf_dir/server.properties"

  # The cluster id is chosen once; formatting again with --ignore-formatted keeps existing data.
  if [[ ! -s "$conf_dir/cluster.id" ]]; then
    kafka_tool kafka.tools.StorageTool random-uuid >"$conf_dir/cluster.id" 2>>"$(log_file kafka-tools)" ||
      die "Kafka: could not generate a cluster id; see $(rel "$(log_file kafka-tools)")"
  fi
  cluster_id="$(tr -d '[:space:]' <"$conf_dir/cluster.id")"
  kafka_tool kafka.tools.StorageTool format --ignore-formatted -t "$cluster_id" \
    -c "$conf_dir/server.properties" >>"$(log_file kafka-tools)" 2>&1 ||
    {
      tail_log "$(log_file kafka-tools)"
      die "Kafka: formatting $(rel "$data_dir") failed; see $(rel "$(log_file kafka-tools)")"
    }

  offset="$(stat -c %s "$log" 2>/dev/null || echo 0)"
  info "Kafka: starting on 127.0.0.1:$KAFKA_PORT (data in $(rel "$data_dir"))"
  start_background kafka "$LOG_DIR/kafka.out" \
    "$JAVA" -Dflowgate.component=kafka -Xmx256m -Xms256m -XX:+UseSerialGC "${JVM_FLAGS[@]}" \
    -Dlog4j2.configurationFile="$DEPLOY_DIR/kafka/log4j2.xml" -Dkafka.logs.dir="$LOG_DIR" \
    -cp "$RUN_DIR/kafka-lib/*" kafka.Kafka "$conf_dir/server.properties"
  # a long-used data dir (bench topics, their consumer groups) can take minutes to load on two
  # cores; a crash still ends the wait at once, since wait_until watches the process
  wait_until kafka 240 "$log" kafka_started_since "$offset"
}

ensure_topics() {
  local specs=() topic output
  for topic in "${KAFKA_TOPICS[@]}"; do
    specs+=("$topic:3" "$topic.dlq:1")
  done
  require_stack_tools
  output="$(kafka_tool -cp "$STACK_TOOLS_JAR:$RUN_DIR/kafka-lib/*" dev.flowgate.stack.KafkaTopics \
    "127.0.0.1:$KAFKA_PORT" "${specs[@]}" 2>>"$(log_file kafka-tools)")" ||
    {
      tail_log "$(log_file kafka-tools)"
      die "Kafka: creating topics failed; see $(rel "$(log_file kafka-tools)") and $(rel "$(log_file kafka)")"
    }
  if [[ -z "$output" ]]; then
    info "Kafka: topics present"
    return 0
  fi
  local line
  while IFS= read -r line; do
    info "Kafka: $line"
  done <<<"$output"
}

# ---------------------------------------------------------------------------------------------
# Stack tools: Temporal dev server, Stripe stub, demo upstream

require_stack_tools() {
  [[ -f "$STACK_TOOLS_JAR" ]] || die "$(rel "$STACK_TOOLS_JAR") missing; run ./mvnw -B -pl deploy/local/stack-tools -am package"
}

start_temporal() {
  prepare_start temporal "$TEMPORAL_PORT" 1 || return 0
  require_stack_tools
  stage_files "$RUN_DIR/temporal" "$STACK_TOOLS_JAR" "$STACK_TOOLS_LIB"
  info "Temporal dev server: starting on 127.0.0.1:$TEMPORAL_PORT (runs are kept in memory)"
  start_background temporal "$(log_file temporal)" \
    "$JAVA" -Dflowgate.component=temporal -Xmx256m -XX:+UseSerialGC "${JVM_FLAGS[@]}" \
    -cp "$RUN_DIR/temporal/stack-tools.jar:$RUN_DIR/temporal/lib/*" \
    dev.flowgate.stack.TemporalDevServer "$TEMPORAL_PORT"
  wait_until temporal 60 "$(log_file temporal)" port_open 127.0.0.1 "$TEMPORAL_PORT"
}

# Usage: start_stack_tool NAME PORT MAIN_CLASS REUSE_OTHER_CHECKOUT
start_stack_tool() {
  local name="$1" port="$2" main="$3" reuse="$4"
  prepare_start "$name" "$port" "$reuse" || return 0
  require_stack_tools
  stage_files "$RUN_DIR/$name" "$STACK_TOOLS_JAR"
  info "$name: starting on 127.0.0.1:$port"
  start_background "$name" "$(log_file "$name")" \
    "$JAVA" -Dflowgate.component="$name" -Xmx64m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 \
    -cp "$RUN_DIR/$name/stack-tools.jar" "$main" "$port"
  wait_until "$name" 30 "$(log_file "$name")" port_open 127.0.0.1 "$port"
}

# Prints the value of NAME in the environment process PID was started with (empty when unset or unreadable).
process_env() {
  local pid="$1" name="$2"
  tr '\0' '\n' <"/proc/$pid/environ" 2>/dev/null | sed -n "s/^$name=//p" | head -n1
}

# True when the stub PID signs its webhooks with this checkout's STRIPE_WEBHOOK_SECRET and posts them
# to WEBHOOK_URL. Secrets are per machine (lib/env.sh's SECRETS_FILE), so a stub another checkout
# started matches unless one of them was given its own secret or URL by the caller.
# Usage: stripe_stub_matches PID WEBHOOK_URL
stripe_stub_matches() {
  local pid="$1" url="$2"
  [[ "$(process_env "$pid" STRIPE_WEBHOOK_SECRET)" == "${STRIPE_WEBHOOK_SECRET:-}" ]] &&
    [[ "$(process_env "$pid" STRIPE_STUB_WEBHOOK_URL)" == "$url" ]]
}

start_stripe_stub() {
  if [[ -n "${STRIPE_API_KEY:-}" ]]; then
    info "Stripe stub: skipped (STRIPE_API_KEY is set, billing talks to Stripe)"
    return 0
  fi
  local url="${STRIPE_STUB_WEBHOOK_URL:-http://127.0.0.1:8083/webhooks/stripe}" pid
  # one another checkout started is reused like the rest of the infrastructure, but only if billing
  # here can verify its webhooks: same secret, same address
  if ! running_pid stripe-stub >/dev/null && held_by_other_checkout stripe-stub "$STRIPE_STUB_PORT"; then
    pid="$(port_holder_pid "$STRIPE_STUB_PORT")"
    stripe_stub_matches "$pid" "$url" ||
      die "stripe-stub: the one another checkout started (pid $pid, port $STRIPE_STUB_PORT) signs its webhooks with another STRIPE_WEBHOOK_SECRET or posts them elsewhere than $url; stop it with that checkout's deploy/local/down, or run this one's on another port (FLOWGATE_STRIPE_STUB_PORT)"
  fi
  STRIPE_STUB_WEBHOOK_URL="$url" start_stack_tool stripe-stub "$STRIPE_STUB_PORT" dev.flowgate.stack.StripeStub 1
}

start_echo_upstream() {
  start_stack_tool echo-upstream "$ECHO_PORT" dev.flowgate.stack.EchoUpstream 1
}

# Everything but the four runtimes, in dependency order; the stop order is the reverse.
# shellcheck disable=SC2034 # read by deploy/local/down
INFRA_COMPONENTS=(postgresql redis nats kafka temporal stripe-stub echo-upstream)

start_infra() {
  ensure_postgres
  ensure_redis
  ensure_nats
  start_kafka
  ensure_topics
  start_temporal
  start_stripe_stub
  start_echo_upstream
}
