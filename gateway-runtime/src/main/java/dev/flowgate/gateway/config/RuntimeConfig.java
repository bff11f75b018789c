package dev.flowgate.gateway.config;

import dev.flowgate.contracts.EventCodec;
import dev.flowgate.contracts.config.GatewaySnapshot;
import dev.flowgate.contracts.config.GatewaySnapshot.ApiKey;
import dev.flowgate.contracts.config.GatewaySnapshot.Route;
import dev.flowgate.contracts.config.GatewaySnapshot.Service;
import dev.flowgate.contracts.config.GatewaySnapshot.Tenant;
import dev.flowgate.gateway.auth.ApiKeyIndex;
import dev.flowgate.gateway.routing.RouteTable;
import dev.flowgate.gateway.routing.Upstream;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** One snapshot, validated and indexed for the request path. Immutable. */
public final class RuntimeConfig {

  private final GatewaySnapshot snapshot;
  private final Map<UUID, Tenant> tenants;
  private final Map<String, Tenant> tenantsBySlug;
  private final ApiKeyIndex keys;
  private final RouteTable routes;

  private RuntimeConfig(
      GatewaySnapshot snapshot, Map<UUID, Tenant> tenants, Map<String, Tenant> tenantsBySlug, ApiKeyIndex keys,
      RouteTable routes) {
    this.snapshot = snapshot;
    this.tenants = tenants;
    this.tenantsBySlug = tenantsBySlug;
    this.keys = keys;
    this.routes = routes;
  }

  /** Parses and validates snapshot JSON as the portal serves it. */
  public static RuntimeConfig parse(byte[] json, int defaultConnectTimeoutMs, int defaultReadTimeoutMs)
      throws InvalidSnapshotException {
    GatewaySnapshot snapshot;
    try {
      snapshot = EventCodec.read(json, GatewaySnapshot.class);
    } catch (RuntimeException e) {
      throw new InvalidSnapshotException("snapshot is not valid JSON for its schema: " + e.getMessage(), e);
    }
    return from(snapshot, defaultConnectTimeoutMs, defaultReadTimeoutMs);
  }

  public static RuntimeConfig from(GatewaySnapshot snapshot, int defaultConnectTimeoutMs, int defaultReadTimeoutMs)
      throws InvalidSnapshotException {
    if (snapshot.schemaVersion() != GatewaySnapshot.SCHEMA_VERSION) {
      throw new InvalidSnapshotException("unsupported snapshot schema version " + snapshot.schemaVersion());
    }
    try {
      Map<UUID, Tenant> tenants = new HashMap<>();
      Map<String, Tenant> bySlug = new HashMap<>();
      for (Tenant tenant : snapshot.tenants()) {
        require(tenant.id() != null && tenant.slug() != null, "tenant without id or slug");
        require(tenants.put(tenant.id(), tenant) == null, "duplicate tenant " + tenant.id());
        require(bySlug.put(tenant.slug().toLowerCase(Locale.ROOT), tenant) == null, "duplicate slug " + tenant.slug());
      }
      Map<UUID, Service> services = new HashMap<>();
      Map<UUID, Upstream> upstreams = new HashMap<>();
      for (Service service : snapshot.services()) {
        require(tenants.containsKey(service.tenantId()), "service " + service.id() + " has an unknown tenant");
        require(services.put(service.id(), service) == null, "duplicate service " + service.id());
        upstreams.put(service.id(), Upstream.of(service, defaultConnectTimeoutMs, defaultReadTimeoutMs));
      }
      for (Route route : snapshot.routes()) {
        require(tenants.containsKey(route.tenantId()), "route " + route.id() + " has an unknown tenant");
        Service service = services.get(route.serviceId());
        require(service != null && service.tenantId().equals(route.tenantId()),
            "route " + route.id() + " names a service of no or another tenant");
      }
      for (ApiKey key : snapshot.keys()) {
        require(tenants.containsKey(key.tenantId()), "key " + key.id() + " has an unknown tenant");
      }
      return new RuntimeConfig(
          snapshot, Map.copyOf(tenants), Map.copyOf(bySlug), ApiKeyIndex.of(snapshot.keys()),
          RouteTable.build(snapshot.routes(), services, upstreams));
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new InvalidSnapshotException("snapshot " + snapshot.version() + " is invalid: " + e.getMessage(), e);
    }
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw new IllegalArgumentException(message);
    }
  }

  public long version() {
    return snapshot.version();
  }

  public GatewaySnapshot snapshot() {
    return snapshot;
  }

  public ApiKeyIndex keys() {
    return keys;
  }

  public RouteTable routes() {
    return routes;
  }

  public @Nullable Tenant tenant(UUID id) {
    return tenants.get(id);
  }

  /** A tenant named by an {@code X-Tenant-ID} header: its id or its slug. */
  public @Nullable Tenant tenantByIdOrSlug(String value) {
    try {
      return tenants.get(UUID.fromString(value));
    } catch (IllegalArgumentException notAnId) {
      return tenantsBySlug.get(value.toLowerCase(Locale.ROOT));
    }
  }

  /**
   * The tenant a host names: {@code {slug}.{domain}}, or a host one of its routes lists.
   *
   * @return null when the host names no tenant; {@link HostTenant#unknownSlug()} when it has the
   *     shape of a tenant host but no tenant has that slug
   */
  public HostTenant tenantForHost(String host, String domain) {
    String suffix = "." + domain;
    if (host.endsWith(suffix) && host.length() > suffix.length()) {
      String slug = host.substring(0, host.length() - suffix.length());
      if (slug.indexOf('.') < 0) {
        Tenant tenant = tenantsBySlug.get(slug);
        return tenant == null ? HostTenant.UNKNOWN : new HostTenant(tenant, false);
      }
    }
    UUID listed = routes.tenantForHost(host);
    return listed == null ? HostTenant.NONE : new HostTenant(tenants.get(listed), false);
  }

  /** @param tenant null when the host names no tenant, or names one that does not exist */
  public record HostTenant(@Nullable Tenant tenant, boolean unknownSlug) {
    static final HostTenant NONE = new HostTenant(null, false);
    static final HostTenant UNKNOWN = new HostTenant(null, true);
  }
}
