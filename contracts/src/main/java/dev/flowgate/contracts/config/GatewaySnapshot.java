package dev.flowgate.contracts.config;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Everything a gateway needs to serve every tenant, served by the portal's control plane.
 *
 * <p>Keys carry only their HMAC digests (see {@link dev.flowgate.contracts.keys.ApiKeys}); a
 * snapshot never holds a secret.
 *
 * @param version grows with every configuration change; the HTTP ETag is derived from it
 */
public record GatewaySnapshot(
    int schemaVersion,
    long version,
    Instant generatedAt,
    List<Tenant> tenants,
    List<Service> services,
    List<Route> routes,
    List<ApiKey> keys) {

  public static final int SCHEMA_VERSION = 1;

  public GatewaySnapshot {
    tenants = List.copyOf(tenants);
    services = List.copyOf(services);
    routes = List.copyOf(routes);
    keys = List.copyOf(keys);
  }

  /** @param status {@code active} or {@code suspended} */
  public record Tenant(UUID id, String slug, String status, @Nullable RateLimit planLimit) {}

  public record Service(
      UUID id,
      UUID tenantId,
      String name,
      String url,
      int connectTimeoutMs,
      int readTimeoutMs,
      int retries,
      @Nullable String healthCheckPath) {}

  public record Route(
      UUID id,
      UUID tenantId,
      UUID serviceId,
      String name,
      List<String> paths,
      List<String> methods,
      List<String> hosts,
      boolean stripPath,
      List<Policy> policies) {

    public Route {
      paths = List.copyOf(paths);
      methods = List.copyOf(methods);
      hosts = List.copyOf(hosts);
      policies = List.copyOf(policies);
    }
  }

  /** A policy attached to a route; {@code config}'s shape depends on {@code type}. */
  public record Policy(String type, JsonNode config) {}

  /**
   * @param secretDigest HMAC-SHA256 of the current secret
   * @param previousSecretDigest the secret replaced by a rotation, valid until {@code previousValidUntil}
   * @param scopes route ids, or {@code *} for every route of the tenant
   * @param status {@code active} or {@code revoked}
   */
  public record ApiKey(
      UUID id,
      UUID tenantId,
      String lookupPrefix,
      String secretDigest,
      @Nullable String previousSecretDigest,
      @Nullable Instant previousValidUntil,
      List<String> scopes,
      @Nullable RateLimit rateLimit,
      @Nullable Instant expiresAt,
      String status) {

    public ApiKey {
      scopes = List.copyOf(scopes);
    }
  }

  public record RateLimit(long limit, int windowSeconds) {
    public RateLimit {
      if (limit < 0 || windowSeconds <= 0) {
        throw new IllegalArgumentException("limit >= 0 and windowSeconds > 0 required");
      }
    }
  }

  public static GatewaySnapshot empty(Instant now) {
    return new GatewaySnapshot(SCHEMA_VERSION, 0, Objects.requireNonNull(now), List.of(), List.of(), List.of(), List.of());
  }
}
