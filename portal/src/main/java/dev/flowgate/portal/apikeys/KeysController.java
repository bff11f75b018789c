package dev.flowgate.portal.apikeys;

import dev.flowgate.portal.base.security.TenantPrincipal;
import dev.flowgate.portal.base.web.PageResponse;
import dev.flowgate.portal.base.web.SortFields;
import java.net.URI;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.web.PageableDefault;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/keys")
class KeysController {

  private final ApiKeyManagement keys;

  KeysController(ApiKeyManagement keys) {
    this.keys = keys;
  }

  @GetMapping
  PageResponse<KeyView> list(@AuthenticationPrincipal TenantPrincipal principal,
      @RequestParam(required = false) @Nullable String search,
      @ParameterObject @PageableDefault(size = 20, sort = "createdAt", direction = Sort.Direction.DESC)
      @SortFields({"createdAt", "name", "expiresAt"}) Pageable pageable) {
    return PageResponse.of(keys.list(principal.actor(), search, pageable), v -> v);
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED) // documents 201; the ResponseEntity sets it
  ResponseEntity<IssuedKey> create(@AuthenticationPrincipal TenantPrincipal principal, @RequestBody KeyRequest request) {
    IssuedKey created = keys.create(principal.actor(), request);
    return ResponseEntity.created(URI.create("/api/v1/keys/" + created.key().id())).body(created);
  }

  @GetMapping("/{id}")
  KeyView get(@AuthenticationPrincipal TenantPrincipal principal, @PathVariable UUID id) {
    return keys.get(principal.actor(), id);
  }

  @DeleteMapping("/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void revoke(@AuthenticationPrincipal TenantPrincipal principal, @PathVariable UUID id,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
    keys.revoke(principal.actor(), id, ifMatch);
  }

  @PostMapping("/{id}/rotate")
  IssuedKey rotate(@AuthenticationPrincipal TenantPrincipal principal, @PathVariable UUID id,
      @RequestBody(required = false) @Nullable RotateRequest request) {
    return keys.rotate(principal.actor(), id, request == null ? new RotateRequest(null) : request);
  }
}
