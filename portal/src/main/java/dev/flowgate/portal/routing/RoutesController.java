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
@RequestMapping("/api/v1/routes")
class RoutesController {

  private final RouteManagement routes;

  RoutesController(RouteManagement routes) {
    this.routes = routes;
  }

  @GetMapping
  PageResponse<RouteView> list(@AuthenticationPrincipal TenantPrincipal principal,
      @PageableDefault(size = 20, sort = "createdAt", direction = Sort.Direction.DESC) Pageable pageable) {
    return PageResponse.of(routes.list(principal.actor(), pageable), v -> v);
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  RouteView create(@AuthenticationPrincipal TenantPrincipal principal, @RequestBody RouteRequest request) {
    return routes.create(principal.actor(), request);
  }

  @GetMapping("/{id}")
  RouteView get(@AuthenticationPrincipal TenantPrincipal principal, @PathVariable UUID id) {
    return routes.get(principal.actor(), id);
  }

  @PatchMapping("/{id}")
  RouteView update(@AuthenticationPrincipal TenantPrincipal principal, @PathVariable UUID id,
      @RequestBody RouteRequest request) {
    return routes.update(principal.actor(), id, request);
  }

  @DeleteMapping("/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void delete(@AuthenticationPrincipal TenantPrincipal principal, @PathVariable UUID id) {
    routes.delete(principal.actor(), id);
  }
}
