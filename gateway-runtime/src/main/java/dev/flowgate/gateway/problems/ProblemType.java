package dev.flowgate.gateway.problems;

/**
 * Every way a call can fail at the gateway, with its status and stable type URI
 * {@code https://flowgate.dev/problems/<slug>}. Slugs are a public contract: never rename one.
 */
public enum ProblemType {
  MALFORMED_REQUEST(400, "malformed-request", "Malformed request"),
  REQUEST_SCHEMA_VIOLATION(400, "request-schema-violation", "Request body does not match the schema"),
  MISSING_CREDENTIAL(401, "missing-credential", "Missing credential"),
  INVALID_CREDENTIAL(401, "invalid-credential", "Invalid credential"),
  REVOKED_CREDENTIAL(401, "revoked-credential", "Revoked credential"),
  EXPIRED_CREDENTIAL(401, "expired-credential", "Expired credential"),
  IP_NOT_ALLOWED(403, "ip-not-allowed", "Client address not allowed"),
  KEY_NOT_ALLOWED(403, "key-not-allowed", "Key not allowed for this route"),
  TENANT_SUSPENDED(403, "tenant-suspended", "Tenant suspended"),
  TENANT_MISMATCH(403, "tenant-mismatch", "Tenants disagree"),
  NO_ROUTE(404, "no-route", "No route"),
  PAYLOAD_TOO_LARGE(413, "payload-too-large", "Request body too large"),
  URI_TOO_LONG(414, "uri-too-long", "Request URI too long"),
  RATE_LIMITED(429, "rate-limited", "Rate limit exceeded"),
  QUOTA_EXCEEDED(429, "quota-exceeded", "Plan quota exceeded"),
  HEADERS_TOO_LARGE(431, "request-headers-too-large", "Request headers too large"),
  INTERNAL_ERROR(500, "internal-error", "Internal gateway error"),
  UPSTREAM_UNAVAILABLE(502, "upstream-unavailable", "Upstream unavailable"),
  UPSTREAM_FORBIDDEN(502, "upstream-address-forbidden", "Upstream address forbidden"),
  UPSTREAM_RESPONSE_UNMASKABLE(502, "upstream-response-unmaskable", "Upstream response cannot be masked"),
  JWKS_UNAVAILABLE(503, "jwks-unavailable", "JWT keys unavailable"),
  NOT_READY(503, "gateway-not-ready", "Gateway not ready"),
  CIRCUIT_OPEN(503, "upstream-circuit-open", "Upstream circuit open"),
  WORKFLOW_UNAVAILABLE(503, "workflow-trigger-unavailable", "Workflow trigger unavailable"),
  UPSTREAM_TIMEOUT(504, "upstream-timeout", "Upstream timeout");

  public static final String BASE_URI = "https://flowgate.dev/problems/";

  private final int status;
  private final String slug;
  private final String title;

  ProblemType(int status, String slug, String title) {
    this.status = status;
    this.slug = slug;
    this.title = title;
  }

  public int status() {
    return status;
  }

  public String slug() {
    return slug;
  }

  public String title() {
    return title;
  }

  public String uri() {
    return BASE_URI + slug;
  }
}
