package dev.flowgate.gateway.support;

import dev.flowgate.contracts.config.GatewaySnapshot;
import dev.flowgate.contracts.EventCodec;
import dev.flowgate.contracts.config.GatewaySnapshot.ApiKey;
import dev.flowgate.contracts.config.GatewaySnapshot.Policy;
import dev.flowgate.contracts.config.GatewaySnapshot.RateLimit;
import dev.flowgate.contracts.config.GatewaySnapshot.Route;
import dev.flowgate.contracts.config.GatewaySnapshot.Service;
import dev.flowgate.contracts.config.GatewaySnapshot.Tenant;
import dev.flowgate.contracts.keys.ApiKeys;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Builds snapshots the way the portal would, with keys whose secrets the test knows. */
public final class TestSnapshots {

  public static final String PEPPER = "test-pepper-not-a-secret";
  public static final byte[] PEPPER_BYTES = PEPPER.getBytes(StandardCharsets.UTF_8);

  private long version = 1;
  private final List<Tenant> tenants = new ArrayList<>();
  private final List<Service> services = new ArrayList<>();
  private final List<Route> routes = new ArrayList<>();
  private final List<ApiKey> keys = new ArrayList<>();

  public TestSnapshots version(long version) {
    this.version = version;
    return this;
  }

  public Tenant tenant(String slug) {
    return tenant(slug, "active");
  }

  public Tenant tenant(String slug, String status) {
    return tenant(slug, status, null);
  }

  public Tenant tenant(String slug, String status, @Nullable RateLimit planLimit) {
    Tenant tenant = new Tenant(UUID.randomUUID(), slug, status, planLimit);
    tenants.add(tenant);
    return tenant;
  }

  public Service service(Tenant tenant, String url) {
    return service(tenant, url, 2000, 45000);
  }

  public Service service(Tenant tenant, String url, int connectTimeoutMs, int readTimeoutMs) {
    return service(tenant, url, connectTimeoutMs, readTimeoutMs, 0);
  }

  public Service service(Tenant tenant, String url, int connectTimeoutMs, int readTimeoutMs, int retries) {
    return service(tenant, url, connectTimeoutMs, readTimeoutMs, retries, null);
  }

  public Service service(
      Tenant tenant, String url, int connectTimeoutMs, int readTimeoutMs, int retries, @Nullable String healthCheckPath) {
    Service service = new Service(UUID.randomUUID(), tenant.id(), "svc-" + services.size(), url, connectTimeoutMs,
        readTimeoutMs, retries, healthCheckPath);
    services.add(service);
    return service;
  }

  /** A route with policies, such as {@code rate_limit}. */
  public Route route(Service service, String name, String path, List<Policy> policies) {
    Route route = new Route(UUID.randomUUID(), service.tenantId(), service.id(), name, List.of(path), List.of(),
        List.of(), true, policies);
    routes.add(route);
    return route;
  }

  /** A policy of the given type with its config as JSON text. */
  public static Policy policy(String type, String config) {
    return new Policy(type, EventCodec.mapper().readTree(config));
  }

  public static Policy rateLimitPolicy(long limit, int windowSeconds) {
    return new Policy("rate_limit", EventCodec.mapper().createObjectNode()
        .put("limit", limit).put("windowSeconds", windowSeconds));
  }

  public Route route(Service service, String name, List<String> paths, List<String> methods, List<String> hosts,
      boolean stripPath) {
    Route route = new Route(UUID.randomUUID(), service.tenantId(), service.id(), name, paths, methods, hosts, stripPath,
        List.of());
    routes.add(route);
    return route;
  }

  public Route route(Service service, String name, String path) {
    return route(service, name, List.of(path), List.of(), List.of(), true);
  }

  /** A new key for the tenant; the secret is returned in {@link IssuedKey#secret()}. */
  public IssuedKey key(Tenant tenant, List<String> scopes) {
    return key(tenant, scopes, "active", null);
  }

  public IssuedKey key(Tenant tenant, List<String> scopes, String status, @Nullable Instant expiresAt) {
    return key(tenant, scopes, status, expiresAt, null);
  }

  public IssuedKey key(Tenant tenant, @Nullable RateLimit rateLimit) {
    return key(tenant, List.of("*"), "active", null, rateLimit);
  }

  public IssuedKey key(
      Tenant tenant, List<String> scopes, String status, @Nullable Instant expiresAt, @Nullable RateLimit rateLimit) {
    String secret = ApiKeys.generate(true);
    ApiKey key = new ApiKey(UUID.randomUUID(), tenant.id(), ApiKeys.lookupPrefix(secret).orElseThrow(),
        ApiKeys.digest(PEPPER_BYTES, secret), null, null, scopes, rateLimit, expiresAt, status);
    keys.add(key);
    return new IssuedKey(key, secret);
  }

  /** Rotates a key: a new secret, the old one valid until {@code graceUntil}. */
  public IssuedKey rotate(IssuedKey issued, Instant graceUntil) {
    String secret = ApiKeys.generate(true);
    ApiKey old = issued.key();
    ApiKey rotated = new ApiKey(old.id(), old.tenantId(), ApiKeys.lookupPrefix(secret).orElseThrow(),
        ApiKeys.digest(PEPPER_BYTES, secret), old.secretDigest(), graceUntil, old.scopes(), old.rateLimit(),
        old.expiresAt(), old.status());
    keys.set(keys.indexOf(old), rotated);
    return new IssuedKey(rotated, secret);
  }

  /** Marks a key revoked in the next snapshot. */
  public void revoke(IssuedKey issued) {
    ApiKey old = keys.stream().filter(k -> k.id().equals(issued.key().id())).findFirst().orElseThrow();
    keys.set(keys.indexOf(old), new ApiKey(old.id(), old.tenantId(), old.lookupPrefix(), old.secretDigest(),
        old.previousSecretDigest(), old.previousValidUntil(), old.scopes(), old.rateLimit(), old.expiresAt(), "revoked"));
  }

  public GatewaySnapshot build() {
    return new GatewaySnapshot(GatewaySnapshot.SCHEMA_VERSION, version, Instant.now(), tenants, services, routes, keys);
  }

  public record IssuedKey(ApiKey key, String secret) {}
}
