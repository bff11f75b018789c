package dev.flowgate.portal.catalog;

import dev.flowgate.portal.base.config.PortalProperties;
import dev.flowgate.portal.base.security.Actor;
import dev.flowgate.portal.routing.RouteManagement;
import dev.flowgate.portal.routing.RouteView;
import dev.flowgate.portal.routing.ServiceView;
import dev.flowgate.portal.routing.UpstreamManagement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads a tenant's services and routes into the catalog's shape; changes nothing. */
@Service
public class ApiCatalog {

  /** Pages read from the routing services; a catalog beyond this many routes is cut (and the UI says so). */
  static final int MAX_ROUTES = 1_000;
  private static final int PAGE = 200;

  private final UpstreamManagement services;
  private final RouteManagement routes;
  private final String gatewayUrl;

  ApiCatalog(UpstreamManagement services, RouteManagement routes, PortalProperties properties) {
    this.services = services;
    this.routes = routes;
    this.gatewayUrl = properties.gatewayUrl().replaceAll("/+$", "");
  }

  /** The tenant's services by name, each with its routes by name; services without routes are left out. */
  @Transactional(readOnly = true)
  public List<CatalogService> services(Actor actor) {
    Map<UUID, ServiceView> byId = new LinkedHashMap<>();
    all(p -> services.list(actor, p), Sort.by("name")).forEach(s -> byId.put(s.id(), s));
    Map<UUID, List<CatalogRoute>> grouped = new LinkedHashMap<>();
    byId.keySet().forEach(id -> grouped.put(id, new ArrayList<>()));
    for (RouteView route : all(p -> routes.list(actor, p), Sort.by("name"))) {
      ServiceView service = byId.get(route.serviceId());
      if (service != null) {
        grouped.get(service.id()).add(entry(route, service.name()));
      }
    }
    return grouped.entrySet().stream().filter(e -> !e.getValue().isEmpty())
        .map(e -> new CatalogService(e.getKey(), byId.get(e.getKey()).name(), List.copyOf(e.getValue()))).toList();
  }

  /** @throws dev.flowgate.portal.base.problems.NotFoundException when the route is not the tenant's */
  @Transactional(readOnly = true)
  public CatalogRoute route(Actor actor, UUID id) {
    RouteView route = routes.get(actor, id);
    return entry(route, services.get(actor, route.serviceId()).name());
  }

  public String gatewayUrl() {
    return gatewayUrl;
  }

  private CatalogRoute entry(RouteView route, String serviceName) {
    List<String> urls = route.paths().stream().map(p -> gatewayUrl + RoutePaths.base(p)).toList();
    List<String> policies = route.policies().stream().map(PolicySummary::of).toList();
    return new CatalogRoute(route.id(), route.name(), route.serviceId(), serviceName, List.copyOf(route.methods()),
        List.copyOf(route.paths()), urls, policies);
  }

  private static <T> List<T> all(Function<Pageable, Page<T>> list, Sort sort) {
    List<T> all = new ArrayList<>();
    for (int page = 0; all.size() < MAX_ROUTES; page++) {
      Page<T> chunk = list.apply(PageRequest.of(page, PAGE, sort));
      all.addAll(chunk.getContent());
      if (!chunk.hasNext()) {
        break;
      }
    }
    return all;
  }
}
