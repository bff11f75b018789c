# shellcheck shell=bash
# Builds the jars the stack runs when they are missing or older than their sources.

APP_MODULES=(portal gateway-runtime workflow-worker billing)
# modules whose sources end up inside the runtimes' jars
LIBRARY_MODULES=(contracts frontend-theme)

# Prints the first file under the given modules newer than REFERENCE (nothing when up to date).
newer_sources() {
  local reference="$1" module dirs=()
  shift
  for module in "$@"; do
    [[ -d "$FLOWGATE_ROOT/$module/src" ]] && dirs+=("$FLOWGATE_ROOT/$module/src")
    [[ -f "$FLOWGATE_ROOT/$module/pom.xml" ]] && dirs+=("$FLOWGATE_ROOT/$module/pom.xml")
  done
  ((${#dirs[@]})) || return 0
  # Vaadin regenerates frontend/generated on every build and dev-mode run: not a source change
  find "${dirs[@]}" "$FLOWGATE_ROOT/pom.xml" -newer "$reference" -type f \
    -not -path '*/frontend/generated/*' -not -path '*/node_modules/*' -print -quit 2>/dev/null
}

# Usage: artifact_stale ARTIFACT MODULE...
# True when the artifact is missing or a source of the modules it is built from is newer.
artifact_stale() {
  local artifact="$1"
  shift
  [[ -e "$artifact" ]] || return 0
  [[ -n "$(newer_sources "$artifact" "$@")" ]]
}

infra_artifacts_stale() {
  artifact_stale "$DEPLOY_DIR/stack-tools/target/stack-tools.jar" deploy/local/stack-tools ||
    artifact_stale "$KAFKA_LIB_STAMP" deploy/local/kafka-broker
}

# copy-dependencies keeps the jars' own dates, so the Kafka classpath gets a stamp of its own
KAFKA_LIB_STAMP="$DEPLOY_DIR/kafka-broker/target/kafka-lib/.built"

stamp_kafka_lib() {
  if [[ -d "${KAFKA_LIB_STAMP%/*}" ]]; then
    touch "$KAFKA_LIB_STAMP"
  fi
}

app_artifacts_stale() {
  local module
  for module in "${APP_MODULES[@]}"; do
    artifact_stale "$FLOWGATE_ROOT/$module/target/$module.jar" "$module" "${LIBRARY_MODULES[@]}" && return 0
  done
  return 1
}

maven() {
  (cd "$FLOWGATE_ROOT" && ./mvnw -B -q -ntp "$@")
}

# Usage: ensure_built infra|all auto|force|never
ensure_built() {
  local scope="$1" mode="$2" start=$SECONDS log force=0
  log="$(log_file build)"
  [[ "$mode" == never ]] && return 0
  [[ "$mode" == force ]] && force=1
  if [[ "$scope" == infra ]]; then
    if ((force)) || infra_artifacts_stale; then
      info "building the stack tools and the Kafka classpath (log: $(rel "$log"))"
      maven -DskipTests -pl deploy/local/stack-tools,deploy/local/kafka-broker -am package >"$log" 2>&1 ||
        {
          tail_log "$log"
          die "build failed; see $(rel "$log")"
        }
      stamp_kafka_lib
      info "built in $(elapsed_since "$start")"
    fi
  elif ((force)) || infra_artifacts_stale || app_artifacts_stale; then
    info "building the platform with ./mvnw -B -q -DskipTests package (log: $(rel "$log"))"
    maven -DskipTests package >"$log" 2>&1 ||
      {
        tail_log "$log"
        die "build failed; see $(rel "$log")"
      }
    stamp_kafka_lib
    info "built in $(elapsed_since "$start")"
  fi
}
