package dev.flowgate.portal.catalog;

import dev.flowgate.portal.base.config.PortalProperties;
import dev.flowgate.portal.base.security.Actor;
import dev.flowgate.portal.routing.OpenApiDocuments;
import dev.flowgate.portal.routing.RouteManagement;
import dev.flowgate.portal.routing.RouteView;
import dev.flowgate.portal.routing.ServiceView;
import dev.flowgate.portal.routing.UpstreamManagement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.node.ObjectNode;

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
    Map<UUID, ObjectNode> documents = new HashMap<>();
    for (RouteView route : all(p -> routes.list(actor, p), Sort.by("name"))) {
      ServiceView service = byId.get(route.serviceId());
      if (service != null) {
        ObjectNode document = service.openApi() == null ? null
            : documents.computeIfAbsent(service.id(), id -> OpenApiDocuments.parse(service.openApi()));
        grouped.get(service.id()).add(entry(route, service, document));
      }
    }
    return grouped.entrySet().stream().filter(e -> !e.getValue().isEmpty())
        .map(e -> new CatalogService(e.getKey(), byId.get(e.getKey()).name(), List.copyOf(e.getValue()))).toList();
  }

  /** @throws dev.flowgate.portal.base.problems.NotFoundException when the route is not the tenant's */
  @Transactional(readOnly = true)
  public CatalogRoute route(Actor actor, UUID id) {
    RouteView route = routes.get(actor, id);
    ServiceView service = services.get(actor, route.serviceId());
    return entry(route, service, service.openApi() == null ? null : OpenApiDocuments.parse(service.openApi()));
  }

  public String gatewayUrl() {
    return gatewayUrl;
  }

  private CatalogRoute entry(RouteView route, ServiceView service, @Nullable ObjectNode document) {
    List<String> urls = route.paths().stream().map(p -> gatewayUrl + RoutePaths.base(p)).toList();
    List<String> policies = route.policies().stream().map(PolicySummary::of).toList();
    List<String> methods = List.copyOf(route.methods());
    List<CatalogOperation> operations = document == null ? List.of() : SpecOperations.forRoute(document, route.paths(),
        route.stripPath(), methods.isEmpty() ? CatalogRoute.ANY_METHOD : methods, SpecPaths.pathOf(service.url()));
    return new CatalogRoute(route.id(), route.name(), route.serviceId(), service.name(), methods,
        List.copyOf(route.paths()), urls, policies, operations);
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
