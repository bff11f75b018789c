package dev.flowgate.portal.routing;

import dev.flowgate.contracts.config.GatewaySnapshot.Policy;
import dev.flowgate.portal.audit.AuditTrail;
import dev.flowgate.portal.base.problems.ConflictException;
import dev.flowgate.portal.base.problems.InvalidInputException.FieldError;
import dev.flowgate.portal.base.problems.InvalidInputException;
import dev.flowgate.portal.base.problems.NotFoundException;
import dev.flowgate.portal.base.security.Actor;
import dev.flowgate.portal.base.web.ETags;
import dev.flowgate.portal.controlplane.ConfigChanges;
import dev.flowgate.portal.workflows.WorkflowManagement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A tenant's routes: each points at one of the tenant's own services. */
@Service
public class RouteManagement {

  private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");
  private static final Pattern HOST = Pattern.compile("(\\*\\.)?[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*");
  private static final Pattern POLICY_TYPE = Pattern.compile("[a-z][a-z0-9_]{0,49}");

  private final RouteRepository routes;
  private final UpstreamRepository upstreams;
  private final ConfigChanges configChanges;
  private final AuditTrail audit;
  private final Clock clock;
  private final WorkflowManagement workflows;

  RouteManagement(RouteRepository routes, UpstreamRepository upstreams, ConfigChanges configChanges, AuditTrail audit,
      Clock clock, WorkflowManagement workflows) {
    this.workflows = workflows;
    this.routes = routes;
    this.upstreams = upstreams;
    this.configChanges = configChanges;
    this.audit = audit;
    this.clock = clock;
  }

  @Transactional(readOnly = true)
  public Page<RouteView> list(Actor actor, Pageable pageable) {
    return list(actor, null, pageable);
  }

  /** @param search a part of the name, any case; blank lists all */
  @Transactional(readOnly = true)
  public Page<RouteView> list(Actor actor, @Nullable String search, Pageable pageable) {
    return (search == null || search.isBlank()
        ? routes.findAllByTenantId(actor.tenantId(), pageable)
        : routes.findAllByTenantIdAndNameContainingIgnoreCase(actor.tenantId(), search.strip(), pageable))
        .map(Route::view);
  }

  @Transactional(readOnly = true)
  public RouteView get(Actor actor, UUID id) {
    return find(actor, id).view();
  }

  /** Whether the id names one of the tenant's routes (API key scopes). */
  @Transactional(readOnly = true)
  public boolean exists(Actor actor, UUID id) {
    return routes.existsByIdAndTenantId(id, actor.tenantId());
  }

  @Transactional(readOnly = true)
  public boolean existsByName(Actor actor, String name) {
    return routes.existsByTenantIdAndName(actor.tenantId(), name);
  }

  @Transactional
  public RouteView create(Actor actor, RouteRequest request) {
    List<FieldError> errors = new ArrayList<>();
    if (request.name() == null) {
      errors.add(new FieldError("name", "must not be empty"));
    }
    if (request.serviceId() == null) {
      errors.add(new FieldError("serviceId", "must not be empty"));
    }
    if (request.paths() == null) {
      errors.add(new FieldError("paths", "must list at least one path"));
    }
    validate(actor, request, errors);
    if (routes.existsByTenantIdAndName(actor.tenantId(), request.name().strip())) {
      throw new ConflictException("A route named '" + request.name().strip() + "' already exists");
    }
    Route route = new Route(actor.tenantId(), request.serviceId(), request.name().strip(), clock.instant());
    route.apply(request, clock.instant());
    routes.saveAndFlush(route);
    configChanges.changed(actor.tenantId(), "route", route.getId(), "created");
    audit.record(actor, "route.created", "route", route.getId(), null, route.view());
    return route.view();
  }

  @Transactional
  public RouteView update(Actor actor, UUID id, RouteRequest request) {
    return update(actor, id, request, null);
  }

  /** @param ifMatch the caller's {@code If-Match}; a stale one answers 412 and changes nothing */
  @Transactional
  public RouteView update(Actor actor, UUID id, RouteRequest request, @Nullable String ifMatch) {
    Route route = routes.findWithLockByIdAndTenantId(id, actor.tenantId())
        .orElseThrow(() -> new NotFoundException("route", id));
    RouteView before = route.view();
    ETags.requireMatch(ifMatch, before);
    validate(actor, request, new ArrayList<>());
    if (request.name() != null && !request.name().strip().equals(before.name())
        && routes.existsByTenantIdAndName(actor.tenantId(), request.name().strip())) {
      throw new ConflictException("A route named '" + request.name().strip() + "' already exists");
    }
    route.apply(request, clock.instant());
    routes.saveAndFlush(route);
    configChanges.changed(actor.tenantId(), "route", id, "updated");
    audit.record(actor, "route.updated", "route", id, before, route.view());
    return route.view();
  }

  @Transactional
  public void delete(Actor actor, UUID id) {
    delete(actor, id, null);
  }

  /** @param ifMatch the route's ETag, or null; a stale one answers 412 and deletes nothing */
  @Transactional
  public void delete(Actor actor, UUID id, @Nullable String ifMatch) {
    Route route = find(actor, id);
    RouteView before = route.view();
    ETags.requireMatch(ifMatch, before);
    if (routes.triggersAWorkflow(actor.tenantId(), id)) {
      throw new ConflictException("The route triggers a workflow; delete that workflow's api_route trigger first");
    }
    routes.delete(route);
    routes.flush();
    configChanges.changed(actor.tenantId(), "route", id, "deleted");
    audit.record(actor, "route.deleted", "route", id, before, null);
  }

  private Route find(Actor actor, UUID id) {
    return routes.findByIdAndTenantId(id, actor.tenantId()).orElseThrow(() -> new NotFoundException("route", id));
  }

  private void validate(Actor actor, RouteRequest request, List<FieldError> errors) {
    if (request.name() != null && !Names.valid(request.name())) {
      errors.add(new FieldError("name", Names.RULE));
    }
    if (request.serviceId() != null && upstreams.findByIdAndTenantId(request.serviceId(), actor.tenantId()).isEmpty()) {
      errors.add(new FieldError("serviceId", "must be one of your services"));
    }
    if (request.paths() != null) {
      if (request.paths().isEmpty() || request.paths().size() > 50) {
        errors.add(new FieldError("paths", "must list 1 to 50 paths"));
      }
      for (int i = 0; i < request.paths().size(); i++) {
        String path = request.paths().get(i);
        if (path == null || !path.strip().startsWith("/") || path.strip().length() > 1024 || path.contains(" ")) {
          errors.add(new FieldError("paths[" + i + "]", "must start with / and contain no spaces"));
        }
      }
    }
    if (request.methods() != null) {
      for (int i = 0; i < request.methods().size(); i++) {
        String method = request.methods().get(i);
        if (method == null || !METHODS.contains(method.strip().toUpperCase(Locale.ROOT))) {
          errors.add(new FieldError("methods[" + i + "]", "must be one of " + METHODS));
        }
      }
    }
    if (request.hosts() != null) {
      for (int i = 0; i < request.hosts().size(); i++) {
        String host = request.hosts().get(i);
        if (host == null || host.length() > 253 || !HOST.matcher(host.strip().toLowerCase(Locale.ROOT)).matches()) {
          errors.add(new FieldError("hosts[" + i + "]", "must be a host name"));
        }
      }
    }
    if (request.policies() != null) {
      for (int i = 0; i < request.policies().size(); i++) {
        Policy policy = request.policies().get(i);
        if (policy == null || policy.type() == null || !POLICY_TYPE.matcher(policy.type()).matches()) {
          errors.add(new FieldError("policies[" + i + "].type", "must be a policy type such as rate_limit"));
        } else {
          PolicyRules.check(i, policy, workflowId -> workflows.exists(actor, workflowId), errors);
        }
      }
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
  }
}
