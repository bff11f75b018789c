package dev.flowgate.portal.configascode;

import dev.flowgate.contracts.EventCodec;
import dev.flowgate.portal.apikeys.ApiKeyManagement;
import dev.flowgate.portal.apikeys.KeyView;
import dev.flowgate.portal.base.problems.InvalidInputException;
import dev.flowgate.portal.base.security.Actor;
import dev.flowgate.portal.base.web.ETags;
import dev.flowgate.portal.configascode.TenantConfig.Change;
import dev.flowgate.portal.configascode.TenantConfig.RouteSpec;
import dev.flowgate.portal.configascode.TenantConfig.ServiceSpec;
import dev.flowgate.portal.routing.RouteManagement;
import dev.flowgate.portal.routing.RouteRequest;
import dev.flowgate.portal.routing.RouteView;
import dev.flowgate.portal.routing.ServiceRequest;
import dev.flowgate.portal.routing.ServiceView;
import dev.flowgate.portal.routing.UpstreamManagement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;

/**
 * Exports a tenant's configuration and applies a document as a diff, all or nothing, through the
 * same services (validation, SSRF guard, audit, invalidations) as the API. A dry run applies in a
 * transaction that is rolled back, so it validates exactly like the real thing and changes nothing.
 */
@Service
public class TenantConfigService {

  private static final int PAGE = 100;

  private final UpstreamManagement services;
  private final RouteManagement routes;
  private final ApiKeyManagement keys;

  TenantConfigService(UpstreamManagement services, RouteManagement routes, ApiKeyManagement keys) {
    this.services = services;
    this.routes = routes;
    this.keys = keys;
  }

  @Transactional(readOnly = true)
  public TenantConfig export(Actor actor) {
    List<ServiceView> allServices = all(p -> services.list(actor, p));
    Map<UUID, String> serviceNames = new LinkedHashMap<>();
    allServices.forEach(s -> serviceNames.put(s.id(), s.name()));
    List<ServiceSpec> serviceSpecs = allServices.stream().map(s -> new ServiceSpec(s.name(), s.url(),
        s.connectTimeoutMs(), s.readTimeoutMs(), s.retries(), s.healthCheckPath(), s.openApi())).toList();
    List<RouteSpec> routeSpecs = all(p -> routes.list(actor, p)).stream().map(r -> new RouteSpec(r.name(),
        serviceNames.get(r.serviceId()), r.paths(), r.methods(), r.hosts(), r.stripPath(), r.policies())).toList();
    List<KeyView> allKeys = all(p -> keys.list(actor, p));
    return new TenantConfig(serviceSpecs, routeSpecs, EventCodec.mapper().valueToTree(allKeys));
  }

  /** @param prune also delete the services and routes the document does not name */
  @Transactional
  public TenantConfig.ApplyResult apply(Actor actor, TenantConfig doc, boolean dryRun, boolean prune) {
    return apply(actor, doc, dryRun, prune, null);
  }

  /**
   * @param ifMatch the ETag of the exported configuration the document was edited from, or null;
   *     when the configuration changed since, 412 and nothing is applied
   */
  @Transactional
  public TenantConfig.ApplyResult apply(Actor actor, TenantConfig doc, boolean dryRun, boolean prune,
      @org.jspecify.annotations.Nullable String ifMatch) {
    if (ifMatch != null) {
      ETags.requireMatch(ifMatch, export(actor));
    }
    List<Change> changes = new ArrayList<>();
    List<ServiceSpec> serviceSpecs = Objects.requireNonNullElse(doc.services(), List.of());
    List<RouteSpec> routeSpecs = Objects.requireNonNullElse(doc.routes(), List.of());
    requireUniqueNames("services", serviceSpecs.stream().map(ServiceSpec::name).toList());
    requireUniqueNames("routes", routeSpecs.stream().map(RouteSpec::name).toList());

    Map<String, ServiceView> existingServices = byName(all(p -> services.list(actor, p)), ServiceView::name);
    Map<String, UUID> serviceIds = new LinkedHashMap<>();
    existingServices.forEach((name, view) -> serviceIds.put(name, view.id()));
    for (int i = 0; i < serviceSpecs.size(); i++) {
      ServiceSpec spec = serviceSpecs.get(i);
      ServiceRequest request = new ServiceRequest(spec.name(), spec.url(), spec.connectTimeoutMs(), spec.readTimeoutMs(),
          spec.retries(), spec.healthCheckPath(), spec.openApi());
      ServiceView existing = spec.name() == null ? null : existingServices.get(spec.name().strip());
      if (existing == null) {
        ServiceView created = at("services[" + i + "].", () -> services.create(actor, request));
        serviceIds.put(created.name(), created.id());
        changes.add(new Change("create", "service", created.name(), List.of()));
      } else {
        List<String> fields = serviceDiff(existing, spec);
        if (!fields.isEmpty()) {
          at("services[" + i + "].", () -> services.update(actor, existing.id(), request));
          changes.add(new Change("update", "service", existing.name(), fields));
        }
      }
    }

    Map<String, RouteView> existingRoutes = byName(all(p -> routes.list(actor, p)), RouteView::name);
    for (int i = 0; i < routeSpecs.size(); i++) {
      RouteSpec spec = routeSpecs.get(i);
      String prefix = "routes[" + i + "].";
      UUID serviceId = spec.service() == null ? null : serviceIds.get(spec.service().strip());
      if (spec.service() != null && serviceId == null) {
        throw new InvalidInputException(prefix + "service", "names no service of this tenant or document: '" + spec.service() + "'");
      }
      RouteRequest request = new RouteRequest(spec.name(), serviceId, spec.paths(), spec.methods(), spec.hosts(),
          spec.stripPath(), spec.policies());
      RouteView existing = spec.name() == null ? null : existingRoutes.get(spec.name().strip());
      if (existing == null) {
        RouteView created = at(prefix, () -> routes.create(actor, request));
        changes.add(new Change("create", "route", created.name(), List.of()));
      } else {
        List<String> fields = routeDiff(existing, request);
        if (!fields.isEmpty()) {
          at(prefix, () -> routes.update(actor, existing.id(), request));
          changes.add(new Change("update", "route", existing.name(), fields));
        }
      }
    }

    if (prune) {
      Set<String> keptRoutes = names(routeSpecs.stream().map(RouteSpec::name).toList());
      existingRoutes.values().stream().filter(r -> !keptRoutes.contains(r.name())).forEach(r -> {
        routes.delete(actor, r.id());
        changes.add(new Change("delete", "route", r.name(), List.of()));
      });
      Set<String> keptServices = names(serviceSpecs.stream().map(ServiceSpec::name).toList());
      existingServices.values().stream().filter(s -> !keptServices.contains(s.name())).forEach(s -> {
        services.delete(actor, s.id());
        changes.add(new Change("delete", "service", s.name(), List.of()));
      });
    }
    if (dryRun) {
      TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
    }
    return new TenantConfig.ApplyResult(dryRun, changes);
  }

  private static List<String> serviceDiff(ServiceView existing, ServiceSpec spec) {
    List<String> fields = new ArrayList<>();
    differs(fields, "url", spec.url(), existing.url());
    differs(fields, "connectTimeoutMs", spec.connectTimeoutMs(), existing.connectTimeoutMs());
    differs(fields, "readTimeoutMs", spec.readTimeoutMs(), existing.readTimeoutMs());
    differs(fields, "retries", spec.retries(), existing.retries());
    String health = spec.healthCheckPath() == null ? null : spec.healthCheckPath().isBlank() ? "" : spec.healthCheckPath().strip();
    differs(fields, "healthCheckPath", health, Objects.requireNonNullElse(existing.healthCheckPath(), ""));
    String openApi = spec.openApi() == null ? null : spec.openApi().isBlank() ? "" : spec.openApi();
    differs(fields, "openApi", openApi, Objects.requireNonNullElse(existing.openApi(), ""));
    return fields;
  }

  private static List<String> routeDiff(RouteView existing, RouteRequest request) {
    List<String> fields = new ArrayList<>();
    differs(fields, "service", request.serviceId(), existing.serviceId());
    differs(fields, "paths", request.paths(), existing.paths());
    differs(fields, "methods", request.methods() == null ? null : request.methods().stream().map(String::toUpperCase).toList(),
        existing.methods());
    differs(fields, "hosts", request.hosts(), existing.hosts());
    differs(fields, "stripPath", request.stripPath(), existing.stripPath());
    if (request.policies() != null
        && !EventCodec.mapper().valueToTree(request.policies()).equals(EventCodec.mapper().valueToTree(existing.policies()))) {
      fields.add("policies");
    }
    return fields;
  }

  /** A field the document sets (non-null) to something else than now. */
  private static void differs(List<String> fields, String name, @org.jspecify.annotations.Nullable Object wanted, Object current) {
    if (wanted != null && !wanted.equals(current)) {
      fields.add(name);
    }
  }

  /** Runs a change, prefixing its field errors with the document path ({@code routes[2].paths[0]}). */
  private static <T> T at(String prefix, Supplier<T> change) {
    try {
      return change.get();
    } catch (InvalidInputException e) {
      throw new InvalidInputException(e.errors().stream()
          .map(f -> new InvalidInputException.FieldError(prefix + f.field(), f.message())).toList());
    }
  }

  private static void requireUniqueNames(String list, List<@org.jspecify.annotations.Nullable String> names) {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < names.size(); i++) {
      String name = names.get(i);
      if (name != null && !seen.add(name.strip())) {
        throw new InvalidInputException(list + "[" + i + "].name", "'" + name.strip() + "' appears twice in the document");
      }
    }
  }

  private static Set<String> names(List<@org.jspecify.annotations.Nullable String> names) {
    Set<String> set = new HashSet<>();
    names.stream().filter(Objects::nonNull).map(String::strip).forEach(set::add);
    return set;
  }

  private static <T> Map<String, T> byName(List<T> items, Function<T, String> name) {
    Map<String, T> map = new LinkedHashMap<>();
    items.forEach(item -> map.put(name.apply(item), item));
    return map;
  }

  private static <T> List<T> all(Function<Pageable, Page<T>> page) {
    List<T> all = new ArrayList<>();
    Page<T> current = page.apply(PageRequest.of(0, PAGE, Sort.by("createdAt")));
    all.addAll(current.getContent());
    while (current.hasNext()) {
      current = page.apply(current.nextPageable());
      all.addAll(current.getContent());
    }
    return all;
  }
}
