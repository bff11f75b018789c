package dev.flowgate.portal.routing;

import dev.flowgate.portal.base.security.TenantPrincipal;
import dev.flowgate.portal.base.web.ETags;
import dev.flowgate.portal.base.web.PageResponse;
import dev.flowgate.portal.base.web.SortFields;
import java.net.URI;
import java.util.UUID;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.web.PageableDefault;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
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
      @RequestParam(required = false) @Nullable String q,
      @ParameterObject @PageableDefault(size = 20, sort = "createdAt", direction = Sort.Direction.DESC)
      @SortFields({"createdAt", "name"}) Pageable pageable) {
    return PageResponse.of(services.list(principal.actor(), q, pageable), v -> v);
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED) // documents 201; the ResponseEntity sets it
  ResponseEntity<ServiceView> create(@AuthenticationPrincipal TenantPrincipal principal, @RequestBody ServiceRequest request) {
    ServiceView created = services.create(principal.actor(), request);
    return ResponseEntity.created(URI.create("/api/v1/services/" + created.id())).body(created);
  }

  @GetMapping("/{id}")
  ResponseEntity<ServiceView> get(@AuthenticationPrincipal TenantPrincipal principal, @PathVariable UUID id) {
    ServiceView view = services.get(principal.actor(), id);
    return ResponseEntity.ok().eTag(ETags.of(view)).body(view);
  }

  @PatchMapping("/{id}")
  ResponseEntity<ServiceView> update(@AuthenticationPrincipal TenantPrincipal principal, @PathVariable UUID id,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
      @RequestBody ServiceRequest request) {
    ServiceView view = services.update(principal.actor(), id, request, ifMatch);
    return ResponseEntity.ok().eTag(ETags.of(view)).body(view);
  }

  @DeleteMapping("/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void delete(@AuthenticationPrincipal TenantPrincipal principal, @PathVariable UUID id,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
    services.delete(principal.actor(), id, ifMatch);
  }
}
