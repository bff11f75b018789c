# shellcheck shell=bash
# The four runtimes: started from copies of <module>/target/<module>.jar, ready when their
# readiness probe answers UP.

# module:port-that-answers-readiness[:other ports it needs]
APPS=(portal:8080 gateway-runtime:8001:8000 workflow-worker:8082 billing:8083)
# FLOWGATE_APPS="portal billing" starts only those, e.g. while another runs from an IDE
if [[ -n "${FLOWGATE_APPS:-}" ]]; then
  read -r -a _wanted <<<"$FLOWGATE_APPS"
  _selected=()
  for _spec in "${APPS[@]}"; do
    [[ " ${_wanted[*]} " == *" ${_spec%%:*} "* ]] && _selected+=("$_spec")
  done
  APPS=("${_selected[@]}")
  unset _wanted _selected _spec
fi
APP_READY_TIMEOUT="${FLOWGATE_APP_READY_TIMEOUT:-300}"

app_selected() {
  [[ " ${APPS[*]} " == *" $1:"* ]]
}

app_ready() {
  local port="$1" body
  body="$(curl -fsS --max-time 3 "http://127.0.0.1:$port/actuator/health/readiness" 2>/dev/null)" || return 1
  [[ "$body" == *'"status":"UP"'* ]]
}

start_app() {
  local module="$1" port="$2" extra_port="${3:-}" jar
  jar="$FLOWGATE_ROOT/$module/target/$module.jar"
  # a runtime still running the previous build is replaced, so `up` after a change shows the change
  if running_pid "$module" >/dev/null && [[ "$jar" -nt "$RUN_DIR/$module.jar" ]]; then
    info "$module: restarting on the new build"
    stop_component "$module" 30
  fi
  prepare_start "$module" "$port" || return 0
  [[ -z "$extra_port" ]] || require_free_port "$module" "$extra_port"
  [[ -f "$jar" ]] || die "$(rel "$jar") missing; build it with ./mvnw -B -DskipTests package"
  cp -p "$jar" "$RUN_DIR/$module.jar"
  info "$module: starting (port $port${extra_port:+ and $extra_port})"
  # the console log stays readable; the same lines go as JSON (ECS) to <module>.json for tools
  start_background "$module" "$(log_file "$module")" \
    env LOGGING_FILE_NAME="$LOG_DIR/$module.json" LOGGING_STRUCTURED_FORMAT_FILE=ecs \
    "$JAVA" -Dflowgate.component="$module" -Xmx384m "${JVM_FLAGS[@]}" -jar "$RUN_DIR/$module.jar"
}

start_apps() {
  local spec module port extra start=$SECONDS
  # all four boot at once: on two cores that is still faster than one after another
  for spec in "${APPS[@]}"; do
    IFS=: read -r module port extra <<<"$spec"
    start_app "$module" "$port" "$extra"
  done
  for spec in "${APPS[@]}"; do
    IFS=: read -r module port extra <<<"$spec"
    wait_until "$module" "$APP_READY_TIMEOUT" "$(log_file "$module")" app_ready "$port"
    info "$module: ready ($(elapsed_since "$start") since the runtimes were started)"
  done
}

stop_apps() {
  local i module
  for ((i = ${#APPS[@]} - 1; i >= 0; i--)); do
    module="${APPS[i]%%:*}"
    stop_component "$module" 30
    # the copies are 50-120 MB each; the next start copies the current jar anyway
    rm -f "$RUN_DIR/$module.jar"
  done
}
