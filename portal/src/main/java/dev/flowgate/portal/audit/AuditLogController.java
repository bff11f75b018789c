package dev.flowgate.portal.audit;

import dev.flowgate.portal.base.security.TenantPrincipal;
import dev.flowgate.portal.base.web.PageResponse;
import dev.flowgate.portal.base.web.SortFields;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/audit-logs}: who changed what in the caller's tenant, with before/after. */
@RestController
class AuditLogController {

  private final AuditLogQuery audit;

  AuditLogController(AuditLogQuery audit) {
    this.audit = audit;
  }

  @GetMapping("/api/v1/audit-logs")
  PageResponse<AuditLogEntry> list(@AuthenticationPrincipal TenantPrincipal principal,
      @RequestParam(required = false) @Nullable String actor,
      @RequestParam(required = false) @Nullable String resourceType,
      @RequestParam(required = false) @Nullable String resourceId,
      @RequestParam(required = false) @Nullable Instant from,
      @RequestParam(required = false) @Nullable Instant to,
      @ParameterObject @PageableDefault(size = 20) @SortFields("occurredAt") Pageable pageable) {
    return PageResponse.of(audit.find(principal.actor(), actor, resourceType, resourceId, from, to, pageable), e -> e);
  }
}
