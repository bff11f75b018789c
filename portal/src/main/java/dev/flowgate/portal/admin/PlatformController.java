package dev.flowgate.portal.admin;

import dev.flowgate.portal.base.security.PlatformPrincipal;
import dev.flowgate.portal.base.web.ETags;
import dev.flowgate.portal.base.web.PageResponse;
import dev.flowgate.portal.billing.PlanChanges;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * The admin area beyond tenant search and suspension: users of every tenant (role, disable/enable),
 * tenants' plans, the platform-wide audit trail and the runtimes' health from their heartbeats.
 * Platform admin only, except reading a tenant's plan (billing-team too; see Roles).
 */
@RestController
@RequestMapping("/api/v1/admin")
class PlatformController {

  private final TenantAdministration administration;
  private final PlatformAuditLog auditLog;
  private final RuntimeHeartbeats heartbeats;
  private final TenantPlans plans;
  private final TenantDeletion deletion;
  private final PlanChanges planChanges;
  private final UserChanges userChanges;

  PlatformController(TenantAdministration administration, PlatformAuditLog auditLog,
      RuntimeHeartbeats heartbeats, TenantPlans plans, TenantDeletion deletion, PlanChanges planChanges,
      UserChanges userChanges) {
    this.planChanges = planChanges;
    this.userChanges = userChanges;
    this.plans = plans;
    this.deletion = deletion;
    this.administration = administration;
    this.auditLog = auditLog;
    this.heartbeats = heartbeats;
  }

  /** Its ETag (ETagHeaders) is the tag PATCH compares {@code If-Match} with. */
  @GetMapping("/users/{id}")
  AdminUserView user(@PathVariable UUID id) {
    return administration.user(id);
  }

  /**
   * {@code {"role"?, "disabled"?}}: each field present is applied, each change audited. With
   * {@code If-Match} (the GET's ETag) a user changed since answers 412 and nothing changes.
   */
  @PatchMapping("/users/{id}")
  ResponseEntity<AdminUserView> changeUser(@AuthenticationPrincipal PlatformPrincipal admin, @PathVariable UUID id,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
      @RequestBody UserChange change) {
    AdminUserView view = userChanges.change(admin, id, ifMatch, change.role(), change.disabled());
    return ResponseEntity.ok().eTag(ETags.of(view)).body(view);
  }

  /** Billing-team reads it too (GET under /admin/tenants); changing it is the platform admin's. */
  @GetMapping("/tenants/{id}/plan")
  JsonNode plan(@PathVariable UUID id) {
    return plans.plan(id);
  }

  @PutMapping("/tenants/{id}/plan")
  JsonNode changePlan(@AuthenticationPrincipal PlatformPrincipal admin, @PathVariable UUID id,
      @RequestBody PlanChange change) {
    return planChanges.change(admin, id, change.planCode());
  }

  /** Soft: suspended now, purged after the grace period unless restored. */
  @DeleteMapping("/tenants/{id}")
  AdminTenantView delete(@AuthenticationPrincipal PlatformPrincipal admin, @PathVariable UUID id) {
    return deletion.delete(admin, id);
  }

  @PostMapping("/tenants/{id}/restore")
  AdminTenantView restore(@AuthenticationPrincipal PlatformPrincipal admin, @PathVariable UUID id) {
    return deletion.restore(admin, id);
  }

  /** Every filter optional: {@code actor} is an id or an email, {@code tenant} part of a slug, {@code to} exclusive. */
  @GetMapping("/audit-logs")
  PageResponse<PlatformAuditLog.Entry> auditLogs(@RequestParam(required = false) @Nullable UUID tenantId,
      @RequestParam(required = false) @Nullable String tenant, @RequestParam(required = false) @Nullable String actor,
      @RequestParam(required = false) @Nullable String actorType, @RequestParam(required = false) @Nullable String action,
      @RequestParam(required = false) @Nullable String resourceType, @RequestParam(required = false) @Nullable String resourceId,
      @RequestParam(required = false) @Nullable Instant from, @RequestParam(required = false) @Nullable Instant to,
      @ParameterObject @PageableDefault(size = 50) Pageable pageable) {
    var filter = new PlatformAuditLog.Filter(tenantId, tenant, actor, actorType, action, resourceType, resourceId, from, to);
    return PageResponse.of(auditLog.find(filter, pageable), e -> e);
  }

  @GetMapping("/health")
  List<RuntimeHeartbeats.RuntimeStatus> health() {
    return heartbeats.runtimes();
  }

  record UserChange(@Nullable String role, @Nullable Boolean disabled) {}

  record PlanChange(@Nullable String planCode) {}
}
