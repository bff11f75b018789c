package dev.flowgate.portal.accounts;

import dev.flowgate.portal.audit.AuditTrail;
import dev.flowgate.portal.base.problems.ConflictException;
import dev.flowgate.portal.base.problems.InvalidInputException;
import dev.flowgate.portal.base.problems.NotFoundException;
import dev.flowgate.portal.base.security.Actor;
import dev.flowgate.portal.base.web.ETags;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The tenant's team and their roles. Only an owner grants or takes away the owner role, and a
 * tenant always keeps one owner. A role change applies to the member's next request.
 */
@Service
public class MemberManagement {

  static final Set<String> ROLES = Set.of("owner", "admin", "developer", "viewer", "billing");

  private final UserAccountRepository users;
  private final AuditTrail audit;

  MemberManagement(UserAccountRepository users, AuditTrail audit) {
    this.users = users;
    this.audit = audit;
  }

  @Transactional(readOnly = true)
  public Page<MemberView> list(Actor actor, Pageable pageable) {
    return users.findAllByTenantId(actor.tenantId(), pageable).map(MemberView::of);
  }

  @Transactional(readOnly = true)
  public MemberView get(Actor actor, UUID id) {
    return users.findByIdAndTenantId(id, actor.tenantId()).map(MemberView::of)
        .orElseThrow(() -> new NotFoundException("member", id));
  }

  /** @param ifMatch the member's ETag as last read, or null; a stale one answers 412 and changes nothing */
  @Transactional
  public MemberView changeRole(Actor actor, UUID id, @Nullable String requested, @Nullable String ifMatch) {
    String role = requested == null ? "" : requested.strip().toLowerCase(Locale.ROOT);
    if (!ROLES.contains(role)) {
      throw new InvalidInputException("role", "must be one of owner, admin, developer, viewer, billing");
    }
    UserAccount member = users.findByIdAndTenantId(id, actor.tenantId()).orElseThrow(() -> new NotFoundException("member", id));
    ETags.requireMatch(ifMatch, MemberView.of(member));
    String actorRole = actor.id() == null ? "" : users.findById(actor.id()).map(UserAccount::getRole).orElse("");
    if ((role.equals("owner") || member.getRole().equals("owner")) && !actorRole.equals("owner")) {
      throw new InvalidInputException("role", "only an owner can grant or take away the owner role");
    }
    if (member.getRole().equals("owner") && !role.equals("owner")
        && users.countByTenantIdAndRole(actor.tenantId(), "owner") <= 1) {
      throw new ConflictException("The tenant must keep at least one owner");
    }
    MemberView before = MemberView.of(member);
    member.changeRole(role);
    users.saveAndFlush(member);
    MemberView after = MemberView.of(member);
    audit.record(actor, "member.role_changed", "member", id, before, after);
    return after;
  }
}
