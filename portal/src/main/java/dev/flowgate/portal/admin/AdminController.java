package dev.flowgate.portal.admin;

import dev.flowgate.portal.base.security.PlatformPrincipal;
import dev.flowgate.portal.base.web.PageResponse;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The platform's admin area: tenants (platform-admin and billing-team read; platform-admin
 * suspends and reinstates) and users across tenants (platform-admin). Tenant roles get 403, see Roles.
 */
@RestController
@RequestMapping("/api/v1/admin")
class AdminController {

  private final TenantAdministration administration;

  AdminController(TenantAdministration administration) {
    this.administration = administration;
  }

  @GetMapping("/tenants")
  PageResponse<AdminTenantView> tenants(@RequestParam(required = false) @Nullable String q,
      @RequestParam(required = false) @Nullable String status,
      @ParameterObject @PageableDefault(size = 20) Pageable pageable) {
    return PageResponse.of(administration.search(q, status, pageable), v -> v);
  }

  @GetMapping("/tenants/{id}")
  AdminTenantView tenant(@PathVariable UUID id) {
    return administration.get(id);
  }

  @PostMapping("/tenants/{id}/suspend")
  AdminTenantView suspend(@AuthenticationPrincipal PlatformPrincipal admin, @PathVariable UUID id,
      @RequestBody Suspension suspension) {
    return administration.suspend(admin, id, suspension.reason());
  }

  @PostMapping("/tenants/{id}/reinstate")
  AdminTenantView reinstate(@AuthenticationPrincipal PlatformPrincipal admin, @PathVariable UUID id) {
    return administration.reinstate(admin, id);
  }

  @GetMapping("/users")
  PageResponse<AdminUserView> users(@RequestParam(required = false) @Nullable String q,
      @RequestParam(required = false) @Nullable UUID tenantId,
      @ParameterObject @PageableDefault(size = 20) Pageable pageable) {
    return PageResponse.of(administration.users(q, tenantId, pageable), v -> v);
  }

  /** {@code POST /api/v1/admin/tenants/{id}/suspend} body. */
  record Suspension(@Nullable String reason) {}
}
