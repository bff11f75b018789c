# shellcheck shell=bash
# Secrets and the environment every runtime of the local stack gets (names: docs/ARCHITECTURE.md).

# Per machine, not per checkout: the PostgreSQL database outlives any clone, and its key digests and
# platform admin only make sense with the pepper and password they were made with.
SECRETS_FILE="${FLOWGATE_SECRETS_FILE:-${XDG_STATE_HOME:-$HOME/.local/state}/flowgate/secrets.env}"
SECRET_NAMES=(FLOWGATE_INTERNAL_TOKEN FLOWGATE_KEY_PEPPER STRIPE_WEBHOOK_SECRET FLOWGATE_WEBHOOK_SIGNING_SECRET FLOWGATE_ADMIN_PASSWORD)

random_token() {
  local bytes="${1:-32}"
  openssl rand -hex "$bytes" 2>/dev/null || od -An -tx1 -N"$bytes" /dev/urandom | tr -d ' \n'
}

# Generated once and kept: a new pepper would invalidate every API key already issued.
ensure_secrets() {
  local name value
  (
    umask 077
    mkdir -p "$(dirname "$SECRETS_FILE")"
    touch "$SECRETS_FILE"
  )
  for name in "${SECRET_NAMES[@]}"; do
    grep -q "^$name=" "$SECRETS_FILE" && continue
    value="$(random_token 32)"
    [[ "$name" == STRIPE_WEBHOOK_SECRET ]] && value="whsec_$value"
    printf '%s=%s\n' "$name" "$value" >>"$SECRETS_FILE"
  done
  # values the caller exported win over the file, so a real STRIPE_WEBHOOK_SECRET can be passed in
  for name in "${SECRET_NAMES[@]}"; do
    [[ -n "${!name:-}" ]] && continue
    value="$(sed -n "s/^$name=//p" "$SECRETS_FILE" | head -n1)"
    export "$name=$value"
  done
}

export_app_env() {
  export FLOWGATE_DB_URL="${FLOWGATE_DB_URL:-jdbc:postgresql://127.0.0.1:$PG_PORT/flowgate}"
  export FLOWGATE_DB_USER="${FLOWGATE_DB_USER:-flowgate}"
  export FLOWGATE_DB_PASSWORD="${FLOWGATE_DB_PASSWORD:-}"
  export FLOWGATE_KAFKA_BOOTSTRAP="${FLOWGATE_KAFKA_BOOTSTRAP:-127.0.0.1:$KAFKA_PORT}"
  export FLOWGATE_NATS_URL="${FLOWGATE_NATS_URL:-nats://127.0.0.1:$NATS_PORT}"
  export FLOWGATE_REDIS_URL="${FLOWGATE_REDIS_URL:-redis://127.0.0.1:$REDIS_PORT}"
  export FLOWGATE_TEMPORAL_TARGET="${FLOWGATE_TEMPORAL_TARGET:-127.0.0.1:$TEMPORAL_PORT}"
  export FLOWGATE_PORTAL_URL="${FLOWGATE_PORTAL_URL:-http://127.0.0.1:8080}"
  export FLOWGATE_BILLING_URL="${FLOWGATE_BILLING_URL:-http://127.0.0.1:8083}"
  export FLOWGATE_GATEWAY_URL="${FLOWGATE_GATEWAY_URL:-http://127.0.0.1:8000}"
  export FLOWGATE_SAMPLE_UPSTREAM_URL="${FLOWGATE_SAMPLE_UPSTREAM_URL:-http://127.0.0.1:$ECHO_PORT}"
  # the demo upstreams live on loopback; the SSRF guard refuses it unless allowed
  export FLOWGATE_UPSTREAM_ALLOW="${FLOWGATE_UPSTREAM_ALLOW:-127.0.0.0/8}"
  # the platform admin the portal creates on its first start (password in the secrets file)
  export FLOWGATE_ADMIN_EMAIL="${FLOWGATE_ADMIN_EMAIL:-admin@flowgate.local}"
  if [[ -z "${STRIPE_API_KEY:-}" ]]; then
    export STRIPE_API_BASE="${STRIPE_API_BASE:-http://127.0.0.1:$STRIPE_STUB_PORT}"
  fi
}
