# shellcheck shell=bash
# The demo tenant: an account, the echo upstream behind /echo and an API key, kept in
# .flowgate/demo.env so later runs reuse them.

DEMO_FILE="$STATE_DIR/demo.env"
PORTAL="${FLOWGATE_PORTAL_URL:-http://127.0.0.1:8080}"
GATEWAY="${FLOWGATE_GATEWAY_URL:-http://127.0.0.1:8000}"

# Usage: portal_api METHOD PATH [JSON]; sets API_STATUS and API_BODY.
portal_api() {
  local method="$1" path="$2" data="${3:-}" out args=()
  out="$(mktemp)"
  args=(-sS --max-time 20 -o "$out" -w '%{http_code}' -X "$method" -H 'Accept: application/json')
  [[ -n "${DEMO_MANAGEMENT_TOKEN:-}" ]] && args+=(-H "Authorization: Bearer $DEMO_MANAGEMENT_TOKEN")
  [[ -n "$data" ]] && args+=(-H 'Content-Type: application/json' --data "$data")
  API_STATUS="$(curl "${args[@]}" "$PORTAL/api/v1$path" || echo 000)"
  API_BODY="$(cat "$out")"
  rm -f "$out"
}

api_fail() {
  die "demo seeding: $1 answered HTTP $API_STATUS: $(head -c 400 <<<"$API_BODY"); see $(rel "$(log_file portal)")"
}

require_jq() {
  command -v jq >/dev/null || apt_install jq
}

demo_key_works() {
  [[ -n "${DEMO_API_KEY:-}" ]] &&
    [[ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 -H "X-API-Key: $DEMO_API_KEY" "$GATEWAY/echo/hello")" == 200 ]]
}

random_password() {
  # letters, digits and a symbol, so any sensible password policy accepts it
  printf 'Fg-%s-9a' "$(openssl rand -base64 24 | tr -dc 'A-Za-z0-9' | head -c 16)"
}

save_demo_env() {
  (
    umask 077
    {
      printf 'DEMO_EMAIL=%s\n' "$DEMO_EMAIL"
      printf 'DEMO_PASSWORD=%s\n' "$DEMO_PASSWORD"
      printf 'DEMO_MANAGEMENT_TOKEN=%s\n' "${DEMO_MANAGEMENT_TOKEN:-}"
      printf 'DEMO_API_KEY=%s\n' "${DEMO_API_KEY:-}"
    } >"$DEMO_FILE"
  )
}

load_demo_env() {
  DEMO_EMAIL="" DEMO_PASSWORD="" DEMO_MANAGEMENT_TOKEN="" DEMO_API_KEY=""
  [[ -f "$DEMO_FILE" ]] || return 0
  DEMO_EMAIL="$(sed -n 's/^DEMO_EMAIL=//p' "$DEMO_FILE")"
  DEMO_PASSWORD="$(sed -n 's/^DEMO_PASSWORD=//p' "$DEMO_FILE")"
  DEMO_MANAGEMENT_TOKEN="$(sed -n 's/^DEMO_MANAGEMENT_TOKEN=//p' "$DEMO_FILE")"
  DEMO_API_KEY="$(sed -n 's/^DEMO_API_KEY=//p' "$DEMO_FILE")"
}

signup_demo() {
  local email="demo@flowgate.local"
  DEMO_PASSWORD="${DEMO_PASSWORD:-$(random_password)}"
  for _ in 1 2 3; do
    portal_api POST /signup "$(jq -nc --arg e "$email" --arg p "$DEMO_PASSWORD" '{email: $e, password: $p, organization: "Demo"}')"
    if [[ "$API_STATUS" == 201 || "$API_STATUS" == 200 ]]; then
      DEMO_EMAIL="$email"
      DEMO_MANAGEMENT_TOKEN="$(jq -r '.managementToken // empty' <<<"$API_BODY")"
      [[ -n "$DEMO_MANAGEMENT_TOKEN" ]] || api_fail "POST /api/v1/signup (no managementToken)"
      save_demo_env
      return 0
    fi
    # the address is taken by an earlier demo whose token we no longer have: use a fresh one
    [[ "$API_STATUS" == 409 ]] || api_fail "POST /api/v1/signup"
    email="demo+$(random_token 4)@flowgate.local"
  done
  api_fail "POST /api/v1/signup"
}

# Prints the id of the first object named NAME anywhere in a list response, whatever its paging shape.
id_named() {
  jq -r --arg n "$1" '[.. | objects | select(.name? == $n and .id? != null) | .id] | first // empty' <<<"$API_BODY"
}

ensure_demo_config() {
  local service_id route_id
  portal_api GET '/services?size=100'
  [[ "$API_STATUS" == 200 ]] || api_fail "GET /api/v1/services"
  service_id="$(id_named echo)"
  if [[ -z "$service_id" ]]; then
    portal_api POST /services "$(jq -nc --arg u "${FLOWGATE_SAMPLE_UPSTREAM_URL:-http://127.0.0.1:$ECHO_PORT}" '{name: "echo", url: $u}')"
    [[ "$API_STATUS" == 201 || "$API_STATUS" == 200 ]] || api_fail "POST /api/v1/services"
    service_id="$(jq -r '.id' <<<"$API_BODY")"
  fi

  portal_api GET '/routes?size=100'
  [[ "$API_STATUS" == 200 ]] || api_fail "GET /api/v1/routes"
  route_id="$(id_named echo)"
  if [[ -z "$route_id" ]]; then
    portal_api POST /routes "$(jq -nc --arg s "$service_id" '{name: "echo", serviceId: $s, paths: ["/echo"], methods: [], hosts: [], stripPath: true}')"
    [[ "$API_STATUS" == 201 || "$API_STATUS" == 200 ]] || api_fail "POST /api/v1/routes"
  fi

  portal_api POST /keys '{"name":"demo"}'
  [[ "$API_STATUS" == 201 || "$API_STATUS" == 200 ]] || api_fail "POST /api/v1/keys"
  DEMO_API_KEY="$(jq -r '.secret // empty' <<<"$API_BODY")"
  [[ -n "$DEMO_API_KEY" ]] || api_fail "POST /api/v1/keys (no secret)"
  save_demo_env
}

seed_demo() {
  require_jq
  load_demo_env
  if demo_key_works; then
    info "demo tenant: reusing $DEMO_EMAIL and its key"
    return 0
  fi
  info "demo tenant: seeding (portal $PORTAL)"
  if [[ -n "$DEMO_MANAGEMENT_TOKEN" ]]; then
    portal_api GET '/services?size=1'
    [[ "$API_STATUS" == 200 ]] || DEMO_MANAGEMENT_TOKEN=""
  fi
  [[ -n "$DEMO_MANAGEMENT_TOKEN" ]] || signup_demo
  ensure_demo_config
  # the gateway learns of the new route and key through config.invalidations or its 30 s poll
  local deadline=$((SECONDS + 90))
  until demo_key_works; do
    if ((SECONDS >= deadline)); then
      die "the gateway does not route the demo key: curl -H 'X-API-Key: <key in $(rel "$DEMO_FILE")>' $GATEWAY/echo/hello answers $(curl -s -o /dev/null -w '%{http_code}' -H "X-API-Key: $DEMO_API_KEY" "$GATEWAY/echo/hello") after 90 s; see $(rel "$(log_file gateway-runtime)") and $(rel "$(log_file portal)")"
    fi
    sleep 1
  done
  info "demo tenant: ready"
}

print_welcome() {
  cat <<WELCOME

Flowgate is up (in $1).

  Portal      $PORTAL
  Log in as   $DEMO_EMAIL
  Password    $DEMO_PASSWORD
  Admin       $FLOWGATE_ADMIN_EMAIL / $FLOWGATE_ADMIN_PASSWORD  (platform admin area)
  Gateway     $GATEWAY  (health and /metrics on :8001)

Call the demo API through the gateway:

  curl -H 'X-API-Key: $DEMO_API_KEY' $GATEWAY/echo/hello

Logs: $(rel "$LOG_DIR")/<name>.log    Demo credentials: $(rel "$DEMO_FILE")    Stop: deploy/local/down
WELCOME
}
