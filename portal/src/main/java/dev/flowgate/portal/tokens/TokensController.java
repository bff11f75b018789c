package dev.flowgate.portal.tokens;

import dev.flowgate.portal.base.security.TenantPrincipal;
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
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Management tokens of the caller's tenant (owner and admin only, see Roles). */
@RestController
@RequestMapping("/api/v1/tokens")
class TokensController {

  private final ManagementTokenService tokens;

  TokensController(ManagementTokenService tokens) {
    this.tokens = tokens;
  }

  @GetMapping
  PageResponse<TokenView> list(@AuthenticationPrincipal TenantPrincipal principal,
      @ParameterObject @PageableDefault(size = 20, sort = "createdAt", direction = Sort.Direction.DESC)
      @SortFields({"createdAt", "name"}) Pageable pageable) {
    return PageResponse.of(tokens.list(principal.actor(), pageable), v -> v);
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED) // documents 201; the ResponseEntity sets it
  ResponseEntity<ManagementTokenService.CreatedToken> create(@AuthenticationPrincipal TenantPrincipal principal,
      @RequestBody TokenRequest request) {
    ManagementTokenService.CreatedToken created = tokens.create(principal.actor(), request);
    return ResponseEntity.created(URI.create("/api/v1/tokens/" + created.id())).body(created);
  }

  @GetMapping("/{id}")
  TokenView get(@AuthenticationPrincipal TenantPrincipal principal, @PathVariable UUID id) {
    return tokens.get(principal.actor(), id);
  }

  @DeleteMapping("/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void revoke(@AuthenticationPrincipal TenantPrincipal principal, @PathVariable UUID id,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
    tokens.revoke(principal.actor(), id, ifMatch);
  }
}
