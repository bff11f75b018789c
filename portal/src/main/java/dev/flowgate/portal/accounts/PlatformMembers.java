package dev.flowgate.portal.accounts;

import dev.flowgate.portal.base.problems.ConflictException;
import dev.flowgate.portal.base.problems.InvalidInputException;
import dev.flowgate.portal.base.problems.NotFoundException;
import dev.flowgate.portal.audit.AuditTrail;
import dev.flowgate.portal.base.security.PlatformPrincipal;
import dev.flowgate.portal.base.security.PlatformScope;
import java.time.Clock;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A platform admin's changes to any tenant's users: the role (owners included, but every tenant
 * keeps one owner that can sign in) and disabling or enabling the account. Each change is audited
 * in the user's tenant trail with the operator as the actor.
 */
@Service
public class PlatformMembers {

  private final UserAccountRepository users;
  private final AuditTrail audit;
  private final Clock clock;

  PlatformMembers(UserAccountRepository users, AuditTrail audit, Clock clock) {
    this.users = users;
    this.audit = audit;
    this.clock = clock;
  }

  @Transactional(label = PlatformScope.LABEL)
  public void changeRole(PlatformPrincipal admin, UUID id, @Nullable String requested) {
    String role = requested == null ? "" : requested.strip().toLowerCase(Locale.ROOT);
    if (!MemberManagement.ROLES.contains(role)) {
      throw new InvalidInputException("role", "must be one of owner, admin, developer, viewer, billing");
    }
    UserAccount user = users.findById(id).orElseThrow(() -> new NotFoundException("user", id));
    if (user.getRole().equals("owner") && !role.equals("owner") && activeOwners(user) <= 1) {
      throw new ConflictException("The tenant must keep at least one owner");
    }
    MemberView before = MemberView.of(user);
    user.changeRole(role);
    users.saveAndFlush(user);
    if (!before.role().equals(role)) {
      audit.record(admin.actorOn(user.getTenantId()), "member.role_changed", "member", id, before, MemberView.of(user));
    }
  }

  /** Disables (cannot sign in, tokens refused at once) or enables the user again. */
  @Transactional(label = PlatformScope.LABEL)
  public void setDisabled(PlatformPrincipal admin, UUID id, boolean disabled) {
    UserAccount user = users.findById(id).orElseThrow(() -> new NotFoundException("user", id));
    if (user.isDisabled() == disabled) {
      return;
    }
    if (disabled && user.getRole().equals("owner") && activeOwners(user) <= 1) {
      throw new ConflictException("The tenant must keep at least one owner who can sign in");
    }
    user.setDisabledAt(disabled ? clock.instant() : null);
    users.saveAndFlush(user);
    audit.record(admin.actorOn(user.getTenantId()), disabled ? "member.disabled" : "member.enabled", "member", id,
        null, MemberView.of(user));
  }

  /** Whether a platform admin has disabled the user (any tenant's): their tokens are refused. */
  @Transactional(readOnly = true, label = PlatformScope.LABEL)
  public boolean isDisabled(UUID id) {
    return users.existsByIdAndDisabledAtIsNotNull(id);
  }

  private long activeOwners(UserAccount user) {
    return users.countByTenantIdAndRoleAndDisabledAtIsNull(user.getTenantId(), "owner");
  }
}
