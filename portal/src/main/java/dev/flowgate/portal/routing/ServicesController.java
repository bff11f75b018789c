package dev.flowgate.portal.routing;

import dev.flowgate.portal.base.security.TenantPrincipal;
import dev.flowgate.portal.base.web.PageResponse;
import java.util.UUID;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.web.PageableDefault;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/services")
class ServicesController {

  private final UpstreamManagement services;

  ServicesController(UpstreamManagement services) {
    this.services = services;
  }

  @GetMapping
  PageResponse<ServiceView> list(@AuthenticationPrincipal TenantPrincipal principal,
      @PageableDefault(size = 20, sort = "createdAt", direction = Sort.Direction.DESC) Pageable pageable) {
    var page = services.list(principal.actor(), pageable);
    return PageResponse.of(page, v -> v);
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  ServiceView create(@AuthenticationPrincipal TenantPrincipal principal, @RequestBody ServiceRequest request) {
    return services.create(principal.actor(), request);
  }

  @GetMapping("/{id}")
  ServiceView get(@AuthenticationPrincipal TenantPrincipal principal, @PathVariable UUID id) {
    return services.get(principal.actor(), id);
  }

  @PatchMapping("/{id}")
  ServiceView update(@AuthenticationPrincipal TenantPrincipal principal, @PathVariable UUID id,
      @RequestBody ServiceRequest request) {
    return services.update(principal.actor(), id, request);
  }

  @DeleteMapping("/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void delete(@AuthenticationPrincipal TenantPrincipal principal, @PathVariable UUID id) {
    services.delete(principal.actor(), id);
  }
}
