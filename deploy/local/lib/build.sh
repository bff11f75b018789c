# shellcheck shell=bash
# Builds the jars the stack runs when they are missing or older than their sources: only those
# modules (with what they need, -am), not the whole reactor.

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
  # Vaadin regenerates frontend/generated on every build and dev-mode run: not a source change;
  # tests (src/test) are not in the jars
  find "${dirs[@]}" "$FLOWGATE_ROOT/pom.xml" -newer "$reference" -type f \
    -not -path '*/frontend/generated/*' -not -path '*/node_modules/*' -not -path '*/src/test/*' -print -quit 2>/dev/null
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

# The library modules MODULE's pom depends on (its jar holds their classes).
app_libraries() {
  local module="$1" library
  for library in "${LIBRARY_MODULES[@]}"; do
    if grep -q "<artifactId>$library</artifactId>" "$FLOWGATE_ROOT/$module/pom.xml"; then
      printf '%s\n' "$library"
    fi
  done
}

# Prints the runtimes whose jar is missing or older than its own or its libraries' sources.
stale_app_modules() {
  local module libraries
  for module in "${APP_MODULES[@]}"; do
    mapfile -t libraries < <(app_libraries "$module")
    if artifact_stale "$FLOWGATE_ROOT/$module/target/$module.jar" "$module" "${libraries[@]}"; then
      printf '%s\n' "$module"
    fi
  done
}

# Usage: modules_to_build infra|all
# Prints the modules whose artifacts are stale, one a line (nothing when all are up to date).
modules_to_build() {
  if infra_artifacts_stale; then
    printf '%s\n' deploy/local/stack-tools deploy/local/kafka-broker
  fi
  if [[ "$1" == all ]]; then
    stale_app_modules
  fi
}

maven() {
  (cd "$FLOWGATE_ROOT" && ./mvnw -B -q -ntp "$@")
}

# Usage: ensure_built infra|all auto|force|never
ensure_built() {
  local scope="$1" mode="$2" start=$SECONDS log modules=() selection
  log="$(log_file build)"
  [[ "$mode" == never ]] && return 0
  if [[ "$mode" == force ]]; then
    modules=(deploy/local/stack-tools deploy/local/kafka-broker)
    [[ "$scope" == all ]] && modules+=("${APP_MODULES[@]}")
  else
    mapfile -t modules < <(modules_to_build "$scope")
  fi
  ((${#modules[@]})) || return 0
  selection="$(IFS=,; printf '%s' "${modules[*]}")"
  info "building $selection with ./mvnw -B -q -DskipTests -pl $selection -am package (log: $(rel "$log"))"
  maven -DskipTests -pl "$selection" -am package >"$log" 2>&1 ||
    {
      tail_log "$log"
      die "build failed; see $(rel "$log")"
    }
  stamp_kafka_lib
  info "built in $(elapsed_since "$start")"
}
