package dev.flowgate.portal.apikeys;

import dev.flowgate.contracts.keys.ApiKeys;
import dev.flowgate.portal.audit.AuditTrail;
import dev.flowgate.portal.base.config.PortalProperties;
import dev.flowgate.portal.base.problems.ConflictException;
import dev.flowgate.portal.base.problems.InvalidInputException;
import dev.flowgate.portal.base.problems.InvalidInputException.FieldError;
import dev.flowgate.portal.base.problems.NotFoundException;
import dev.flowgate.portal.base.security.Actor;
import dev.flowgate.portal.base.web.ETags;
import dev.flowgate.portal.controlplane.ConfigChanges;
import dev.flowgate.portal.routing.RouteManagement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Issues, lists, rotates and revokes a tenant's API keys. Secrets leave only in {@link IssuedKey}. */
@Service
public class ApiKeyManagement {

  static final long DEFAULT_GRACE_SECONDS = 86_400;
  static final long MAX_GRACE_SECONDS = 604_800;

  private final ApiKeyRepository keys;
  private final RouteManagement routes;
  private final ConfigChanges configChanges;
  private final AuditTrail audit;
  private final byte[] pepper;
  private final Clock clock;

  ApiKeyManagement(ApiKeyRepository keys, RouteManagement routes, ConfigChanges configChanges, AuditTrail audit,
      PortalProperties properties, Clock clock) {
    this.keys = keys;
    this.routes = routes;
    this.configChanges = configChanges;
    this.audit = audit;
    this.pepper = properties.keyPepperBytes();
    this.clock = clock;
  }

  @Transactional(readOnly = true)
  public Page<KeyView> list(Actor actor, Pageable pageable) {
    Instant now = clock.instant();
    return keys.findAllByTenantId(actor.tenantId(), pageable).map(k -> k.view(now));
  }

  /** @param search a part of the name, any case; blank lists all */
  @Transactional(readOnly = true)
  public Page<KeyView> list(Actor actor, @Nullable String search, Pageable pageable) {
    if (search == null || search.isBlank()) {
      return list(actor, pageable);
    }
    Instant now = clock.instant();
    return keys.findAllByTenantIdAndNameContainingIgnoreCase(actor.tenantId(), search.strip(), pageable).map(k -> k.view(now));
  }

  @Transactional(readOnly = true)
  public KeyView get(Actor actor, UUID id) {
    return find(actor, id).view(clock.instant());
  }

  @Transactional
  public IssuedKey create(Actor actor, KeyRequest request) {
    Instant now = clock.instant();
    List<String> scopes = request.scopes() == null || request.scopes().isEmpty() ? List.of("*") : request.scopes();
    validate(actor, request, scopes, now);
    String secret = ApiKeys.generate(true);
    ApiKey key = new ApiKey(actor.tenantId(), request.name().strip(), ApiKeys.lookupPrefix(secret).orElseThrow(),
        ApiKeys.digest(pepper, secret), scopes, request.rateLimit(), request.expiresAt(), now);
    keys.saveAndFlush(key);
    configChanges.changed(actor.tenantId(), "api_key", key.getId(), "created");
    KeyView view = key.view(now);
    audit.record(actor, "api_key.created", "api_key", key.getId(), null, view);
    return new IssuedKey(view, secret);
  }

  @Transactional
  public IssuedKey rotate(Actor actor, UUID id, RotateRequest request) {
    long grace = request.gracePeriodSeconds() == null ? DEFAULT_GRACE_SECONDS : request.gracePeriodSeconds();
    if (grace < 0 || grace > MAX_GRACE_SECONDS) {
      throw new InvalidInputException("gracePeriodSeconds", "must be between 0 and " + MAX_GRACE_SECONDS);
    }
    ApiKey key = find(actor, id);
    if (key.isRevoked()) {
      throw new ConflictException("A revoked key cannot be rotated");
    }
    Instant now = clock.instant();
    KeyView before = key.view(now);
    String secret = ApiKeys.generate(true);
    key.rotate(ApiKeys.lookupPrefix(secret).orElseThrow(), ApiKeys.digest(pepper, secret),
        grace == 0 ? null : now.plus(Duration.ofSeconds(grace)));
    keys.saveAndFlush(key);
    configChanges.changed(actor.tenantId(), "api_key", id, "rotated");
    KeyView view = key.view(now);
    audit.record(actor, "api_key.rotated", "api_key", id, before, view);
    return new IssuedKey(view, secret);
  }

  @Transactional
  public void revoke(Actor actor, UUID id) {
    revoke(actor, id, null);
  }

  /** @param ifMatch the key's ETag, or null; a stale one answers 412 and revokes nothing */
  @Transactional
  public void revoke(Actor actor, UUID id, @Nullable String ifMatch) {
    ApiKey key = find(actor, id);
    Instant now = clock.instant();
    KeyView before = key.view(now);
    ETags.requireMatch(ifMatch, before);
    if (key.isRevoked()) {
      return;
    }
    key.revoke(now);
    keys.saveAndFlush(key);
    configChanges.changed(actor.tenantId(), "api_key", id, "revoked");
    audit.record(actor, "api_key.revoked", "api_key", id, before, key.view(now));
  }

  private ApiKey find(Actor actor, UUID id) {
    return keys.findByIdAndTenantId(id, actor.tenantId()).orElseThrow(() -> new NotFoundException("api key", id));
  }

  private void validate(Actor actor, KeyRequest request, List<String> scopes, Instant now) {
    List<FieldError> errors = new ArrayList<>();
    String name = request.name() == null ? "" : request.name().strip();
    if (name.isEmpty() || name.length() > 100) {
      errors.add(new FieldError("name", "must be 1-100 characters"));
    }
    for (int i = 0; i < scopes.size(); i++) {
      String scope = scopes.get(i);
      if (!"*".equals(scope) && !isRouteOf(actor, scope)) {
        errors.add(new FieldError("scopes[" + i + "]", "must be * or the id of one of your routes"));
      }
    }
    if (request.rateLimit() != null) {
      if (request.rateLimit().limit() < 1 || request.rateLimit().limit() > 1_000_000_000L) {
        errors.add(new FieldError("rateLimit.limit", "must be between 1 and 1000000000"));
      }
      if (request.rateLimit().windowSeconds() < 1 || request.rateLimit().windowSeconds() > 86_400) {
        errors.add(new FieldError("rateLimit.windowSeconds", "must be between 1 and 86400"));
      }
    }
    if (request.expiresAt() != null && !request.expiresAt().isAfter(now)) {
      errors.add(new FieldError("expiresAt", "must be in the future"));
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
  }

  private boolean isRouteOf(Actor actor, String scope) {
    try {
      return routes.exists(actor, UUID.fromString(scope));
    } catch (IllegalArgumentException notAUuid) {
      return false;
    }
  }
}
