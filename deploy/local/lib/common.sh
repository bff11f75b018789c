# shellcheck shell=bash
# Paths, messages and process bookkeeping shared by deploy/local/{up,down,test}.
# Every process the stack starts gets a pid file in $PID_DIR; down stops exactly those, so a
# PostgreSQL, Redis or NATS that was already running is never touched.

FLOWGATE_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
STATE_DIR="${FLOWGATE_STATE_DIR:-$FLOWGATE_ROOT/.flowgate}"
LOG_DIR="$STATE_DIR/logs"
PID_DIR="$STATE_DIR/pids"
RUN_DIR="$STATE_DIR/run"
# shellcheck disable=SC2034 # used by the other lib/*.sh files
DEPLOY_DIR="$FLOWGATE_ROOT/deploy/local"

info() { printf '==> %s\n' "$*"; }
warn() { printf 'WARN: %s\n' "$*" >&2; }
die() {
  printf 'ERROR: %s\n' "$*" >&2
  exit 1
}

ensure_state_dirs() {
  mkdir -p "$LOG_DIR" "$PID_DIR" "$RUN_DIR"
}

rel() { printf '%s' "${1#"$FLOWGATE_ROOT"/}"; }

pid_file() { printf '%s/%s.pid' "$PID_DIR" "$1"; }
log_file() { printf '%s/%s.log' "$LOG_DIR" "$1"; }

# What a live process of each component looks like, so a stale pid file whose number was reused by
# an unrelated process after a reboot is not mistaken for ours.
process_signature() {
  case "$1" in
    postgresql) printf 'postgres' ;;
    redis) printf 'redis-server' ;;
    nats) printf 'nats-server' ;;
    *) printf 'flowgate.component=%s' "$1" ;;
  esac
}

# Prints the pid of a component this stack started, if that process is still alive.
running_pid() {
  local name="$1" file pid cmdline
  file="$(pid_file "$name")"
  [[ -f "$file" ]] || return 1
  pid="$(head -n1 "$file" 2>/dev/null || true)"
  [[ "$pid" =~ ^[0-9]+$ ]] || return 1
  kill -0 "$pid" 2>/dev/null || return 1
  cmdline="$(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null || true)"
  [[ "$cmdline" == *"$(process_signature "$name")"* ]] || return 1
  printf '%s' "$pid"
}

port_open() {
  local host="$1" port="$2"
  timeout 1 bash -c ">/dev/tcp/$host/$port" 2>/dev/null
}

# Names whoever listens on a port, for error messages (ss shows the process to root only).
port_holder() {
  local holder
  holder="$(ss -Hltnp "sport = :$1" 2>/dev/null |
    sed -n 's/.*users:(("\([^"]*\)",pid=\([0-9]*\).*/\1 (pid \2)/p' | head -n1)"
  printf '%s' "${holder:-an unknown process}"
}

port_holder_pid() {
  ss -Hltnp "sport = :$1" 2>/dev/null | sed -n 's/.*users:(("[^"]*",pid=\([0-9]*\).*/\1/p' | head -n1
}

# True when the process listening on PORT is Flowgate's NAME component, started from another
# checkout of the repository (CI clones, worktrees): its pid file lives elsewhere.
held_by_other_checkout() {
  local name="$1" port="$2" pid
  pid="$(port_holder_pid "$port")"
  [[ -n "$pid" ]] && tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q -- "-Dflowgate.component=$name "
}

# Refuses to start a component whose port something else already holds.
require_free_port() {
  local name="$1" port="$2"
  if port_open 127.0.0.1 "$port"; then
    die "$name cannot start: port $port is already in use by $(port_holder "$port"). Stop that process or free the port, then run this again."
  fi
}

# Starts a command in the background, detached from the terminal, appending to its log.
# Usage: start_background NAME LOGFILE COMMAND...
start_background() {
  local name="$1" log="$2"
  shift 2
  printf '\n--- %s: starting %s\n' "$(date -Is)" "$name" >>"$log"
  # setsid: Ctrl-C in the terminal that ran `up` must not take the stack down with it
  setsid "$@" </dev/null >>"$log" 2>&1 &
  printf '%s\n' "$!" >"$(pid_file "$name")"
}

tail_log() {
  local log="$1"
  [[ -f "$log" ]] || return 0
  printf -- '--- last lines of %s:\n' "$(rel "$log")" >&2
  tail -n 15 "$log" | sed 's/^/    /' >&2
}

# Polls CHECK... until it succeeds; fails fast when the component's process dies.
# Usage: wait_until NAME TIMEOUT_SECONDS LOGFILE CHECK...
wait_until() {
  local name="$1" timeout="$2" log="$3"
  shift 3
  local deadline=$((SECONDS + timeout))
  until "$@"; do
    if [[ -f "$(pid_file "$name")" ]] && ! running_pid "$name" >/dev/null; then
      tail_log "$log"
      rm -f "$(pid_file "$name")"
      die "$name exited during start-up; see $(rel "$log")"
    fi
    if ((SECONDS >= deadline)); then
      tail_log "$log"
      die "$name was not ready within ${timeout}s; see $(rel "$log")"
    fi
    sleep 0.5
  done
}

# Stops a component this stack started: SIGTERM, then SIGKILL after a grace period.
stop_component() {
  local name="$1" grace="${2:-20}" pid deadline
  if ! pid="$(running_pid "$name")"; then
    rm -f "$(pid_file "$name")"
    return 0
  fi
  info "stopping $name (pid $pid)"
  kill -TERM "$pid" 2>/dev/null || true
  deadline=$((SECONDS + grace))
  while kill -0 "$pid" 2>/dev/null; do
    if ((SECONDS >= deadline)); then
      warn "$name did not stop within ${grace}s; killing it"
      kill -KILL "$pid" 2>/dev/null || true
      break
    fi
    sleep 0.3
  done
  rm -f "$(pid_file "$name")"
}

# Temurin 25 (JDK 25 flags such as --sun-misc-unsafe-memory-access are used everywhere).
select_java() {
  local candidate version
  for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/temurin-2[5-9]*; do
    [[ -n "$candidate" && -x "$candidate/bin/java" && -f "$candidate/release" ]] || continue
    version="$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$candidate/release")"
    if [[ -n "$version" ]] && ((version >= 25)); then
      export JAVA_HOME="$candidate"
      # shellcheck disable=SC2034 # the java every component of the stack runs on
      JAVA="$candidate/bin/java"
      return 0
    fi
  done
  die "no JDK 25 found (looked at \$JAVA_HOME and /usr/lib/jvm/temurin-25-jdk-amd64). Install Temurin 25 and set JAVA_HOME; it cannot be apt-installed on an offline machine."
}

run_as_root() {
  if ((EUID == 0)); then
    "$@"
  elif command -v sudo >/dev/null; then
    sudo "$@"
  else
    die "need root to run: $*"
  fi
}

apt_install() {
  info "installing Debian package(s): $*"
  if ! run_as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$@" >>"$LOG_DIR/apt.log" 2>&1; then
    run_as_root apt-get update -q >>"$LOG_DIR/apt.log" 2>&1 || true
    run_as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$@" >>"$LOG_DIR/apt.log" 2>&1 ||
      die "apt-get install $* failed; see $(rel "$LOG_DIR/apt.log")"
  fi
}

elapsed_since() {
  local start="$1"
  printf '%ds' $((SECONDS - start))
}
