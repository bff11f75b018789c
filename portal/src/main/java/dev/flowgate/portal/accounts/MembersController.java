package dev.flowgate.portal.accounts;

import dev.flowgate.portal.base.security.TenantPrincipal;
import dev.flowgate.portal.base.web.ETags;
import dev.flowgate.portal.base.web.PageResponse;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.web.PageableDefault;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The tenant's team (owner and admin only, see Roles). */
@RestController
@RequestMapping("/api/v1/members")
class MembersController {

  private final MemberManagement members;

  MembersController(MemberManagement members) {
    this.members = members;
  }

  @GetMapping
  PageResponse<MemberView> list(@AuthenticationPrincipal TenantPrincipal principal,
      @ParameterObject @PageableDefault(size = 20, sort = "createdAt", direction = Sort.Direction.ASC) Pageable pageable) {
    return PageResponse.of(members.list(principal.actor(), pageable), v -> v);
  }

  @GetMapping("/{id}")
  ResponseEntity<MemberView> get(@AuthenticationPrincipal TenantPrincipal principal, @PathVariable UUID id) {
    MemberView view = members.get(principal.actor(), id);
    return ResponseEntity.ok().eTag(ETags.of(view)).body(view);
  }

  @PatchMapping("/{id}")
  ResponseEntity<MemberView> changeRole(@AuthenticationPrincipal TenantPrincipal principal, @PathVariable UUID id,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
      @RequestBody RoleChange change) {
    MemberView view = members.changeRole(principal.actor(), id, change.role(), ifMatch);
    return ResponseEntity.ok().eTag(ETags.of(view)).body(view);
  }

  /** {@code PATCH /api/v1/members/{id}} body. */
  record RoleChange(@Nullable String role) {}
}
