package dev.flowgate.gateway.routing;

import dev.flowgate.contracts.config.GatewaySnapshot.Route;
import dev.flowgate.contracts.config.GatewaySnapshot.Service;
import dev.flowgate.gateway.policies.RoutePolicies;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Every tenant's routes, one entry per route path, sorted most specific first so that the first
 * entry that matches wins. Immutable; built once per snapshot.
 */
public final class RouteTable {

  private static final Comparator<Entry> MOST_SPECIFIC_FIRST =
      Comparator.comparingInt(Entry::hostRank)
          .thenComparing(e -> e.pattern().exact())
          .thenComparingInt(e -> e.pattern().specificity())
          .thenComparing(e -> !e.methods().isEmpty())
          .reversed();

  private final Map<UUID, List<Entry>> byTenant;
  private final Map<String, UUID> tenantByHost;

  private RouteTable(Map<UUID, List<Entry>> byTenant, Map<String, UUID> tenantByHost) {
    this.byTenant = byTenant;
    this.tenantByHost = tenantByHost;
  }

  /**
   * @param upstreams each route's service, parsed; every route's service must be present
   * @throws IllegalArgumentException on a bad path or a host claimed by two tenants
   */
  public static RouteTable build(List<Route> routes, Map<UUID, Service> services, Map<UUID, Upstream> upstreams) {
    Map<UUID, List<Entry>> byTenant = new HashMap<>();
    Map<String, UUID> tenantByHost = new HashMap<>();
    for (Route route : routes) {
      Service service = services.get(route.serviceId());
      Upstream upstream = upstreams.get(route.serviceId());
      if (service == null || upstream == null) {
        throw new IllegalArgumentException("route " + route.id() + " names unknown service " + route.serviceId());
      }
      List<String> hosts = route.hosts().stream().map(h -> h.toLowerCase(Locale.ROOT)).toList();
      for (String host : hosts) {
        UUID previous = tenantByHost.putIfAbsent(host, route.tenantId());
        if (previous != null && !previous.equals(route.tenantId())) {
          throw new IllegalArgumentException("host " + host + " is claimed by two tenants");
        }
      }
      Set<String> methods =
          route.methods().stream().map(m -> m.toUpperCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
      if (route.paths().isEmpty()) {
        throw new IllegalArgumentException("route " + route.id() + " has no path");
      }
      RoutePolicies policies = RoutePolicies.of(route);
      for (String path : route.paths()) {
        Entry entry = new Entry(route, service, upstream, PathPattern.parse(path), hosts, methods, policies);
        byTenant.computeIfAbsent(route.tenantId(), t -> new ArrayList<>()).add(entry);
      }
    }
    byTenant.replaceAll((tenant, entries) -> entries.stream().sorted(MOST_SPECIFIC_FIRST).toList());
    return new RouteTable(Map.copyOf(byTenant), Map.copyOf(tenantByHost));
  }

  /** The tenant that lists this exact host on one of its routes. */
  public @Nullable UUID tenantForHost(String host) {
    return tenantByHost.get(host);
  }

  /** The most specific route of the tenant for this request, or null. */
  public @Nullable RouteMatch match(UUID tenantId, String host, String method, String path) {
    for (Entry entry : byTenant.getOrDefault(tenantId, List.of())) {
      if (entry.accepts(host, method, path)) {
        Route route = entry.route();
        String remainder = route.stripPath() ? entry.pattern().remainder(path) : path;
        return new RouteMatch(route, entry.service(), entry.upstream(), entry.upstream().pathFor(remainder),
            entry.policies());
      }
    }
    return null;
  }

  private record Entry(
      Route route, Service service, Upstream upstream, PathPattern pattern, List<String> hosts, Set<String> methods,
      RoutePolicies policies) {

    boolean accepts(String host, String method, String path) {
      return (methods.isEmpty() || methods.contains(method)) && pattern.matches(path) && acceptsHost(host);
    }

    private boolean acceptsHost(String host) {
      if (hosts.isEmpty()) {
        return true;
      }
      for (String candidate : hosts) {
        if (candidate.startsWith("*.")
            ? host.endsWith(candidate.substring(1)) && host.length() > candidate.length() - 1
            : candidate.equals(host)) {
          return true;
        }
      }
      return false;
    }

    /** 2: lists an exact host; 1: only wildcard hosts; 0: any host. */
    int hostRank() {
      if (hosts.isEmpty()) {
        return 0;
      }
      return hosts.stream().anyMatch(h -> !h.startsWith("*.")) ? 2 : 1;
    }
  }
}
