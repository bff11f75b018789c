package dev.flowgate.portal.routing;

import dev.flowgate.portal.audit.AuditTrail;
import dev.flowgate.portal.base.problems.ConflictException;
import dev.flowgate.portal.base.problems.InvalidInputException.FieldError;
import dev.flowgate.portal.base.problems.InvalidInputException;
import dev.flowgate.portal.base.problems.NotFoundException;
import dev.flowgate.portal.base.security.Actor;
import dev.flowgate.portal.base.web.ETags;
import dev.flowgate.portal.controlplane.ConfigChanges;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A tenant's upstream services: validated (SSRF guard included), audited, versioned. */
@Service
public class UpstreamManagement {

  private final UpstreamRepository upstreams;
  private final RouteRepository routes;
  private final UpstreamGuard guard;
  private final ConfigChanges configChanges;
  private final AuditTrail audit;
  private final Clock clock;

  UpstreamManagement(UpstreamRepository upstreams, RouteRepository routes, UpstreamGuard guard,
      ConfigChanges configChanges, AuditTrail audit, Clock clock) {
    this.upstreams = upstreams;
    this.routes = routes;
    this.guard = guard;
    this.configChanges = configChanges;
    this.audit = audit;
    this.clock = clock;
  }

  @Transactional(readOnly = true)
  public Page<ServiceView> list(Actor actor, Pageable pageable) {
    return list(actor, null, pageable);
  }

  /** @param search a part of the name, any case; blank lists all */
  @Transactional(readOnly = true)
  public Page<ServiceView> list(Actor actor, @Nullable String search, Pageable pageable) {
    return (search == null || search.isBlank()
        ? upstreams.findAllByTenantId(actor.tenantId(), pageable)
        : upstreams.findAllByTenantIdAndNameContainingIgnoreCase(actor.tenantId(), search.strip(), pageable))
        .map(Upstream::view);
  }

  @Transactional(readOnly = true)
  public ServiceView get(Actor actor, UUID id) {
    return find(actor, id).view();
  }

  @Transactional(readOnly = true)
  public Optional<ServiceView> findByName(Actor actor, String name) {
    return upstreams.findByTenantIdAndName(actor.tenantId(), name).map(Upstream::view);
  }

  @Transactional
  public ServiceView create(Actor actor, ServiceRequest request) {
    List<FieldError> errors = new ArrayList<>();
    if (request.name() == null) {
      errors.add(new FieldError("name", "must not be empty"));
    }
    if (request.url() == null) {
      errors.add(new FieldError("url", "must not be empty"));
    }
    validate(request, errors);
    if (request.name() != null && upstreams.existsByTenantIdAndName(actor.tenantId(), request.name().strip())) {
      throw new ConflictException("A service named '" + request.name().strip() + "' already exists");
    }
    Upstream upstream = new Upstream(actor.tenantId(), request.name().strip(), request.url().strip(), clock.instant());
    upstream.apply(request, clock.instant());
    upstreams.saveAndFlush(upstream);
    configChanges.changed(actor.tenantId(), "service", upstream.getId(), "created");
    audit.record(actor, "service.created", "service", upstream.getId(), null, upstream.view().forAudit());
    return upstream.view();
  }

  @Transactional
  public ServiceView update(Actor actor, UUID id, ServiceRequest request) {
    return update(actor, id, request, null);
  }

  /** @param ifMatch the caller's {@code If-Match}; a stale one answers 412 and changes nothing */
  @Transactional
  public ServiceView update(Actor actor, UUID id, ServiceRequest request, @Nullable String ifMatch) {
    Upstream upstream = upstreams.findWithLockByIdAndTenantId(id, actor.tenantId())
        .orElseThrow(() -> new NotFoundException("service", id));
    ServiceView before = upstream.view();
    ETags.requireMatch(ifMatch, before);
    validate(request, new ArrayList<>());
    if (request.name() != null && !request.name().strip().equals(before.name())
        && upstreams.existsByTenantIdAndName(actor.tenantId(), request.name().strip())) {
      throw new ConflictException("A service named '" + request.name().strip() + "' already exists");
    }
    upstream.apply(request, clock.instant());
    upstreams.saveAndFlush(upstream);
    configChanges.changed(actor.tenantId(), "service", id, "updated");
    audit.record(actor, "service.updated", "service", id, before.forAudit(), upstream.view().forAudit());
    return upstream.view();
  }

  @Transactional
  public void delete(Actor actor, UUID id) {
    delete(actor, id, null);
  }

  /** @param ifMatch the service's ETag, or null; a stale one answers 412 and deletes nothing */
  @Transactional
  public void delete(Actor actor, UUID id, @Nullable String ifMatch) {
    Upstream upstream = find(actor, id);
    ETags.requireMatch(ifMatch, upstream.view());
    if (routes.existsByTenantIdAndServiceId(actor.tenantId(), id)) {
      throw new ConflictException("The service still has routes; delete them first");
    }
    ServiceView before = upstream.view();
    upstreams.delete(upstream);
    upstreams.flush();
    configChanges.changed(actor.tenantId(), "service", id, "deleted");
    audit.record(actor, "service.deleted", "service", id, before.forAudit(), null);
  }

  private Upstream find(Actor actor, UUID id) {
    return upstreams.findByIdAndTenantId(id, actor.tenantId()).orElseThrow(() -> new NotFoundException("service", id));
  }

  /** Field rules for present fields; throws with all errors at once. */
  private void validate(ServiceRequest request, List<FieldError> errors) {
    if (request.name() != null && !Names.valid(request.name())) {
      errors.add(new FieldError("name", Names.RULE));
    }
    if (request.url() != null) {
      guard.refusal(request.url()).ifPresent(reason -> errors.add(new FieldError("url", reason)));
    }
    range(errors, "connectTimeoutMs", request.connectTimeoutMs(), 1, 60_000);
    range(errors, "readTimeoutMs", request.readTimeoutMs(), 1, 600_000);
    range(errors, "retries", request.retries(), 0, 5);
    String health = request.healthCheckPath();
    if (health != null && !health.isBlank() && (!health.startsWith("/") || health.length() > 512)) {
      errors.add(new FieldError("healthCheckPath", "must start with / (at most 512 characters)"));
    }
    if (request.openApi() != null && !request.openApi().isBlank()) {
      OpenApiDocuments.refusal(request.openApi()).ifPresent(reason -> errors.add(new FieldError("openApi", reason)));
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
  }

  private static void range(List<FieldError> errors, String field, Integer value, int min, int max) {
    if (value != null && (value < min || value > max)) {
      errors.add(new FieldError(field, "must be between " + min + " and " + max));
    }
  }
}
